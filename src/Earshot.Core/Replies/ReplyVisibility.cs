namespace Earshot.Core.Replies;

/// <summary>public: in the same medium, visible to all; private: a direct message or e-mail.</summary>
public enum ReplyVisibility { Public, Private }
