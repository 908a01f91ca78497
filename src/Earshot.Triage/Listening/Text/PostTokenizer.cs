using System.Globalization;
using System.Text;

namespace Earshot.Triage.Listening.Text;

/// <summary>What a token of a post is.</summary>
internal enum TokenKind
{
    /// <summary>A run of letters/digits in any script (one character for scripts written without spaces).</summary>
    Word,

    /// <summary><c>#tag</c>; the folded form keeps the <c>#</c>.</summary>
    Hashtag,

    /// <summary><c>@handle</c>; the folded form keeps the <c>@</c>.</summary>
    Mention,

    /// <summary>A link: it takes a word position but never matches, so "acme.com/refund" is not "refund".</summary>
    Url,
}

/// <summary>
/// Splits text into words, hashtags, mentions and links, writing each token's folded form into a
/// caller-supplied buffer. A ref struct over spans: tokenizing a post allocates nothing.
/// The same tokenizer reads the words of queries, so a query and a post always agree on what a word is.
/// </summary>
internal ref struct PostTokenizer
{
    private readonly ReadOnlySpan<char> _text;
    private readonly Span<char> _buffer;
    private int _next;

    /// <param name="text">The text to split.</param>
    /// <param name="buffer">Scratch for folded tokens; at least <c>text.Length</c> chars.</param>
    public PostTokenizer(ReadOnlySpan<char> text, Span<char> buffer)
    {
        _text = text;
        _buffer = buffer;
        _next = 0;
        Kind = TokenKind.Word;
        Start = 0;
        End = 0;
        FoldedLength = 0;
    }

    public TokenKind Kind { get; private set; }

    /// <summary>Where the token starts in the text.</summary>
    public int Start { get; private set; }

    /// <summary>Where the token ends in the text (exclusive).</summary>
    public int End { get; private set; }

    public int FoldedLength { get; private set; }

    /// <summary>The token lower-cased and without Latin accents; valid until the next <see cref="MoveNext"/>.</summary>
    public readonly ReadOnlySpan<char> Folded => _buffer[..FoldedLength];

    public bool MoveNext()
    {
        var text = _text;
        while (_next < text.Length)
        {
            var i = _next;
            var c = text[i];
            var boundary = i == 0 || !IsWordChar(text, i - 1);
            if (c == '#' && boundary && i + 1 < text.Length && IsWordChar(text, i + 1))
            {
                var end = ReadWordRun(text, i + 1, splitContinuous: false);
                return Emit(TokenKind.Hashtag, i, end, '#');
            }

            if (c == '@' && boundary && i + 1 < text.Length && IsWordChar(text, i + 1))
            {
                return Emit(TokenKind.Mention, i, ReadHandle(text, i + 1), '@');
            }

            if ((c | 0x20) is 'h' or 'w' && boundary && IsUrlStart(text[i..]))
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                Kind = TokenKind.Url;
                Start = i;
                End = _next = end;
                FoldedLength = 0;
                return true;
            }

            var category = CategoryAt(text, i, out var codePoint, out var width);
            if (TextFolding.IsWordCategory(category))
            {
                int end;
                if (IsContinuousScript(codePoint))
                {
                    // Scripts written without spaces: one character (plus its marks) per token, so a
                    // query word becomes a phrase of characters and matches as a substring.
                    end = i + width;
                    while (end < text.Length && CategoryAt(text, end, out _, out var w) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                    {
                        end += w;
                    }
                }
                else
                {
                    end = ReadWordRun(text, i, splitContinuous: true);
                }

                return Emit(TokenKind.Word, i, end, '\0');
            }

            _next = i + width;
        }

        return false;
    }

    private bool Emit(TokenKind kind, int start, int end, char marker)
    {
        Kind = kind;
        Start = start;
        End = end;
        _next = end;
        var length = 0;
        var from = start;
        if (marker != '\0')
        {
            _buffer[length++] = marker;
            from++;
        }

        for (var k = from; k < end; k++)
        {
            var c = _text[k];
            if (char.IsHighSurrogate(c) && k + 1 < end && char.IsLowSurrogate(_text[k + 1]))
            {
                var rune = Rune.ToLowerInvariant(new Rune(c, _text[k + 1]));
                length += rune.EncodeToUtf16(_buffer[length..]);
                k++;
            }
            else if (!TextFolding.IsDroppedMark(c))
            {
                _buffer[length++] = TextFolding.Fold(c);
            }
        }

        FoldedLength = length;
        return true;
    }

    private static int ReadWordRun(ReadOnlySpan<char> text, int start, bool splitContinuous)
    {
        var end = start;
        while (end < text.Length)
        {
            var category = CategoryAt(text, end, out var codePoint, out var width);
            if (!TextFolding.IsWordCategory(category) || (splitContinuous && end > start && IsContinuousScript(codePoint)))
            {
                break;
            }

            end += width;
        }

        return end;
    }

    // Handles may hold dots, dashes and a second @ (Mastodon "@jo@mastodon.social", Bluesky
    // "@jo.bsky.social"), but never end with one: "thanks @acme." is the handle "acme".
    private static int ReadHandle(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length)
        {
            if (IsWordChar(text, end))
            {
                end++;
            }
            else if (text[end] is '.' or '-' or '@' && end + 1 < text.Length && IsWordChar(text, end + 1))
            {
                end++;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    private static bool IsUrlStart(ReadOnlySpan<char> text) =>
        text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static bool IsWordChar(ReadOnlySpan<char> text, int index) =>
        TextFolding.IsWordCategory(CategoryAt(text, index, out _, out _));

    private static UnicodeCategory CategoryAt(ReadOnlySpan<char> text, int index, out int codePoint, out int width)
    {
        var c = text[index];
        codePoint = c;
        width = 1;
        if (c < 0x80)
        {
            // ASCII fast path: most posts are mostly ASCII.
            if (char.IsAsciiLetter(c))
            {
                return UnicodeCategory.LowercaseLetter;
            }

            return char.IsAsciiDigit(c) ? UnicodeCategory.DecimalDigitNumber
                : c == '_' ? UnicodeCategory.ConnectorPunctuation
                : UnicodeCategory.OtherPunctuation;
        }

        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            codePoint = char.ConvertToUtf32(c, text[index + 1]);
            width = 2;
            return CharUnicodeInfo.GetUnicodeCategory(codePoint);
        }

        return CharUnicodeInfo.GetUnicodeCategory(c);
    }

    private static bool IsContinuousScript(int cp) =>
        cp is >= 0x4E00 and <= 0x9FFF      // CJK unified ideographs
            or >= 0x3400 and <= 0x4DBF     // CJK extension A
            or >= 0xF900 and <= 0xFAFF     // CJK compatibility ideographs
            or >= 0x20000 and <= 0x3FFFF   // CJK extensions B and later
            or >= 0x3040 and <= 0x30FF     // Hiragana, Katakana
            or >= 0x31F0 and <= 0x31FF     // Katakana phonetic extensions
            or >= 0xFF66 and <= 0xFF9F     // half-width Katakana
            or >= 0x0E00 and <= 0x0EFF     // Thai, Lao
            or >= 0x1000 and <= 0x109F     // Myanmar
            or >= 0x1780 and <= 0x17FF;    // Khmer
}
