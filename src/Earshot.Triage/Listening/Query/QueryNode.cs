namespace Earshot.Triage.Listening.Query;

/// <summary>A parsed query, before its terms are bound to a term dictionary.</summary>
// Position: Where the node starts in the query text, for error messages.
internal abstract record QueryNode(int Position);

internal enum TermKind
{
    Word,
    Prefix,
    Hashtag,
    Mention,
}

/// <summary>One token to find: a word, a <c>word*</c> prefix, a <c>#tag</c> or an <c>@handle</c>.</summary>
// Key: The folded form looked up in posts ("acme", "refund" for refund*, "#acmefail", "@acmeair").
// Display: The text as the admin wrote it.
internal sealed record TermNode(TermKind Kind, string Key, string Display, int Position) : QueryNode(Position);

/// <summary>Terms on consecutive word positions.</summary>
internal sealed record PhraseNode(TermNode[] Terms, string Display, int Position) : QueryNode(Position);

/// <summary>Two terms or phrases (or OR-groups of them) at most Distance words apart.</summary>
internal sealed record NearNode(QueryNode Left, QueryNode Right, int Distance, int Position) : QueryNode(Position);

internal sealed record AndNode(QueryNode[] Children, int Position) : QueryNode(Position);

internal sealed record OrNode(QueryNode[] Children, int Position) : QueryNode(Position);

internal sealed record NotNode(QueryNode Child, int Position) : QueryNode(Position);

internal enum FieldKind
{
    Language,
    From,
    Followers,
    Verified,
    Platform,
}

internal enum Comparison
{
    Equal,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
}

/// <summary>A filter on the post's metadata (<c>lang:es</c>, <c>followers:&gt;1000</c>...).</summary>
// Value: The normalized value: language tag, handle key ("@acme"), platform name, "true"/"false".
// Number: The follower count for FieldKind.Followers.
internal sealed record FieldNode(FieldKind Field, string Value, Comparison Comparison, long Number, int Position)
    : QueryNode(Position);
