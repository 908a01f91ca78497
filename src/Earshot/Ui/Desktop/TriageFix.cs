using Earshot.Triage;

namespace Earshot.Ui.Desktop;

/// <summary>An agent's one-click correction of a post: a new intent, or "not for us" (not actionable, analytics only).</summary>
public sealed record TriageFix(long PostId, Intent? Intent, bool NotForUs);
