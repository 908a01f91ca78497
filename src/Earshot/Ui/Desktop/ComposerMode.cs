namespace Earshot.Ui.Desktop;

/// <summary>What the composer sends: a public reply in the same medium, a private reply (DM or e-mail), or an internal note.</summary>
public enum ComposerMode { PublicReply, PrivateReply, Note }
