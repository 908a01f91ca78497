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
    /// <summary>A first-response target passed without a response; written once per conversation.</summary>
    SlaBreached,
}
