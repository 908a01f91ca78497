namespace Earshot.Core.Conversations;

/// <summary>open = waiting in queue; assigned = an agent owns it; pending = waiting on the customer.</summary>
public enum ConversationStatus { Open, Assigned, Pending, Resolved, Closed }
