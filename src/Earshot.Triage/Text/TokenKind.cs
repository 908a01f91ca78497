namespace Earshot.Triage.Text;

/// <summary>What a token is, as the tokenizer recognised it.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters of any script, possibly with digits, apostrophes (contractions) or inner marks.</summary>
    Word,
    /// <summary>Starts with a digit: "2", "3rd", "10:45", "$20" is Symbol + Number.</summary>
    Number,
    /// <summary>http://, https:// or www. up to the next white space.</summary>
    Url,
    /// <summary>@handle.</summary>
    Mention,
    /// <summary>#tag (the whole tag). Its camel-case parts follow as <see cref="Word"/> tokens flagged <see cref="TokenFlags.HashtagPart"/>.</summary>
    Hashtag,
    /// <summary>One emoji, including its modifiers, variation selectors and zero-width-joined parts.</summary>
    Emoji,
    /// <summary>A text emoticon such as :) :-( ;) :D &lt;3 or the HTML-escaped &amp;lt;3.</summary>
    Emoticon,
    /// <summary>A run of punctuation ("!!!", "?!", "...").</summary>
    Punctuation,
    /// <summary>Anything else that is not white space (currency signs, HTML entities, odd symbols).</summary>
    Symbol,
}
