using Earshot.Core.Contacts;
using Earshot.Core.Routing;

namespace Earshot.Core.Tasks;

/// <summary>
/// A validated open-media work item from another system (a phone callback, a CRM case, a chat): it becomes a
/// conversation on its own channel and capacity class and is routed like any other.
/// </summary>
public sealed record WorkTask(Queue Queue, string Channel, string Medium, string Subject, int Priority, string? ExternalId, Contact? Contact);
