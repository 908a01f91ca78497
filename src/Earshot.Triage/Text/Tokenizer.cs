using System.Buffers;
using System.Globalization;
using System.Text;

namespace Earshot.Triage.Text;

/// <summary>
/// Cuts social text into tokens without allocating: each token is a slice of the input. Understands URLs,
/// @mentions, #hashtags (with camel-case parts), emoji sequences, text emoticons, HTML entities, contractions,
/// elongations, ALL CAPS, punctuation runs, zero-width characters and letters of any script.
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokenizes <paramref name="text"/> into <paramref name="tokens"/>; stops when the buffer is full.</summary>
    /// <returns>The number of tokens written.</returns>
    public static int Tokenize(ReadOnlySpan<char> text, Span<Token> tokens)
    {
        var n = 0;
        var i = 0;
        while (i < text.Length && n < tokens.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || IsInvisible(c))
            {
                i++;
                continue;
            }
            var len = Emoticons.Match(text, i);
            if (len > 0)
            {
                tokens[n++] = new Token(i, len, TokenKind.Emoticon, TokenFlags.None);
                i += len;
                continue;
            }
            if ((c is 'h' or 'H' or 'w' or 'W') && (len = Markup.UrlLength(text, i)) > 0)
            {
                tokens[n++] = new Token(i, len, TokenKind.Url, TokenFlags.None);
                i += len;
                continue;
            }
            if (c == '@' && i + 1 < text.Length && IsHandleChar(text[i + 1]) && (i == 0 || !IsHandleChar(text[i - 1])))
            {
                var end = i + 1;
                while (end < text.Length && IsHandleChar(text[end]))
                {
                    end++;
                }
                tokens[n++] = new Token(i, end - i, TokenKind.Mention, TokenFlags.None);
                i = end;
                continue;
            }
            if (c == '#' && i + 1 < text.Length && IsWordStart(text, i + 1))
            {
                n = Hashtag(text, i, tokens, n, out i);
                continue;
            }
            if (c == '&' && (len = Markup.EntityLength(text, i)) > 0)
            {
                tokens[n++] = new Token(i, len, TokenKind.Symbol, TokenFlags.None);
                i += len;
                continue;
            }
            if ((len = Emoji.Length(text, i)) > 0)
            {
                tokens[n++] = new Token(i, len, TokenKind.Emoji, TokenFlags.None);
                i += len;
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                var end = i + 1;
                while (end < text.Length && (char.IsAsciiDigit(text[end]) || char.IsAsciiLetter(text[end])
                    || (text[end] is '.' or ',' or ':' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
                {
                    end++;
                }
                tokens[n++] = new Token(i, end - i, TokenKind.Number, TokenFlags.None);
                i = end;
                continue;
            }
            if (IsWordStart(text, i))
            {
                var end = WordEnd(text, i);
                tokens[n++] = new Token(i, end - i, TokenKind.Word, WordFlags(text.Slice(i, end - i)));
                i = end;
                continue;
            }
            if (c is '!' or '?' or '.' or ',' or ';' or ':' or '-')
            {
                var end = i + 1;
                var group = c is '!' or '?';
                while (end < text.Length && (group ? text[end] is '!' or '?' : text[end] == c))
                {
                    end++;
                }
                tokens[n++] = new Token(i, end - i, TokenKind.Punctuation, end - i > 1 ? TokenFlags.Repeated : TokenFlags.None);
                i = end;
                continue;
            }
            // A surrogate pair that is no emoji and no letter is one symbol; a lone surrogate is one symbol too.
            len = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            tokens[n++] = new Token(i, len, char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol, TokenFlags.None);
            i += len;
        }
        return n;
    }

    /// <summary>
    /// Writes the lookup form of a word into <paramref name="dest"/>: lower case, typographic apostrophes made
    /// plain, invisible characters dropped, and runs of three or more equal letters cut to <paramref name="maxRun"/>.
    /// </summary>
    /// <returns>The length written, or -1 when <paramref name="dest"/> is too small.</returns>
    public static int Normalize(ReadOnlySpan<char> token, Span<char> dest, int maxRun = 2)
    {
        var n = 0;
        var run = 0;
        var prev = '\0';
        foreach (var raw in token)
        {
            if (IsInvisible(raw))
            {
                continue;
            }
            var c = raw is '\u2019' or '\u2018' or '\u02BC' ? '\'' : char.ToLowerInvariant(raw);
            run = c == prev ? run + 1 : 1;
            prev = c;
            if (run > maxRun && char.IsLetter(c))
            {
                continue;
            }
            if (n == dest.Length)
            {
                return -1;
            }
            dest[n++] = c;
        }
        return n;
    }

    /// <summary>Zero-width and formatting characters that hide inside words (U+200B..U+200F, U+2060, U+FEFF, soft hyphen).</summary>
    public static bool IsInvisible(char c) => c is '\u00AD' or (>= '\u200B' and <= '\u200F') or '\u2060' or '\uFEFF' or '\u180E';

    static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    static bool IsWordStart(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }
        if (char.IsLetter(c))
        {
            return true;
        }
        // Letters outside the BMP (math-alphanumeric "fancy" fonts spammers use, CJK extension B).
        return char.IsHighSurrogate(c) && Rune.DecodeFromUtf16(text[i..], out var rune, out _) == OperationStatus.Done
            && Rune.IsLetter(rune);
    }

    static int WordEnd(ReadOnlySpan<char> text, int i)
    {
        var end = i;
        while (end < text.Length)
        {
            var c = text[end];
            if (char.IsAsciiLetterOrDigit(c))
            {
                end++;
            }
            else if (c < 128)
            {
                // An apostrophe between letters keeps a contraction whole: don't, I'm, y'all.
                if (c == '\'' && end > i && end + 1 < text.Length && char.IsLetter(text[end + 1]))
                {
                    end++;
                    continue;
                }
                break;
            }
            else if (char.IsLetter(c) || IsMark(c))
            {
                end++;
            }
            else if ((c == '\u2019' || IsInvisible(c)) && end > i && end + 1 < text.Length && char.IsLetter(text[end + 1]))
            {
                end++;
            }
            else if (char.IsHighSurrogate(c) && Rune.DecodeFromUtf16(text[end..], out var rune, out var used) == OperationStatus.Done
                && Rune.IsLetter(rune))
            {
                end += used;
            }
            else
            {
                break;
            }
        }
        return end;
    }

    static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    static TokenFlags WordFlags(ReadOnlySpan<char> word)
    {
        int upper = 0, lower = 0, run = 0;
        var flags = TokenFlags.None;
        var prev = '\0';
        foreach (var c in word)
        {
            if (char.IsUpper(c))
            {
                upper++;
            }
            else if (char.IsLower(c))
            {
                lower++;
            }
            else if (c is '\'' or '\u2019')
            {
                flags |= TokenFlags.Contraction;
            }
            var folded = char.ToLowerInvariant(c);
            run = folded == prev ? run + 1 : 1;
            prev = folded;
            if (run == 3 && char.IsLetter(c))
            {
                flags |= TokenFlags.Elongated;
            }
        }
        if (upper >= 2 && lower == 0)
        {
            flags |= TokenFlags.AllCaps;
        }
        if (Negation.IsNegator(word))
        {
            flags |= TokenFlags.Negation;
        }
        return flags;
    }

    static int Hashtag(ReadOnlySpan<char> text, int i, Span<Token> tokens, int n, out int next)
    {
        var end = WordEnd(text, i + 1);
        while (end < text.Length && text[end] == '_' && end + 1 < text.Length && IsWordStart(text, end + 1))
        {
            end = WordEnd(text, end + 1);
        }
        tokens[n++] = new Token(i, end - i, TokenKind.Hashtag, TokenFlags.None);
        next = end;
        var body = text.Slice(i + 1, end - i - 1);
        var shouting = WordFlags(body).HasFlag(TokenFlags.AllCaps) && body.Length >= 4;
        var partStart = 0;
        for (var k = 1; k <= body.Length && n < tokens.Length; k++)
        {
            if (k < body.Length && !IsPartBoundary(body, k))
            {
                continue;
            }
            var part = body[partStart..k].Trim('_');
            if (part.Length > 0)
            {
                var offset = i + 1 + partStart + body[partStart..k].IndexOf(part);
                var kind = char.IsAsciiDigit(part[0]) ? TokenKind.Number : TokenKind.Word;
                var flags = TokenFlags.HashtagPart | (WordFlags(part) & ~TokenFlags.AllCaps) | (shouting ? TokenFlags.AllCaps : 0);
                tokens[n++] = new Token(offset, part.Length, kind, flags);
            }
            partStart = k;
        }
        return n;
    }

    // Camel case, acronym then word (NYCTraffic), letters vs digits, underscores.
    static bool IsPartBoundary(ReadOnlySpan<char> s, int k)
    {
        char a = s[k - 1], b = s[k];
        if (a == '_' || b == '_')
        {
            return a != b;
        }
        if (char.IsDigit(a) != char.IsDigit(b))
        {
            return true;
        }
        if (char.IsLower(a) && char.IsUpper(b))
        {
            return true;
        }
        return char.IsUpper(a) && char.IsUpper(b) && k + 1 < s.Length && char.IsLower(s[k + 1]);
    }
}
