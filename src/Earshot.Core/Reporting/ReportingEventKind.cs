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
    /// <summary>The customer waited past the next-response target for an answer; written once per wait.</summary>
    SlaNextResponseBreached,
    /// <summary>The resolution target passed with the conversation unresolved; written once per conversation.</summary>
    SlaResolutionBreached,
}
