namespace Earshot.Core.Reporting;

public enum ReportingEventKind
{
    ConversationOpened,
    ConversationOffered,
    ConversationAssigned,
    FirstResponse,
    ReplySent,
    ReplyFailed,
    ConversationResolved,
    ConversationReopened,
}
