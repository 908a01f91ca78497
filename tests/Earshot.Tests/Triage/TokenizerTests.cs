using Earshot.Triage.Text;

namespace Earshot.Tests.Triage;

public class TokenizerTests
{
    static (string Text, TokenKind Kind, TokenFlags Flags)[] Cut(string text)
    {
        var tokens = new Token[256];
        var n = Tokenizer.Tokenize(text, tokens);
        return tokens[..n].Select(t => (text.Substring(t.Start, t.Length), t.Kind, t.Flags)).ToArray();
    }

    [Theory]
    [InlineData("see https://acme.com/x?y=1.", "https://acme.com/x?y=1", TokenKind.Url)]
    [InlineData("go to www.acme.com now", "www.acme.com", TokenKind.Url)]
    [InlineData("hey @AcmeAir_Help!", "@AcmeAir_Help", TokenKind.Mention)]
    [InlineData("#AcmeFail again", "#AcmeFail", TokenKind.Hashtag)]
    [InlineData("great :-) thanks", ":-)", TokenKind.Emoticon)]
    [InlineData("love you &lt;3", "&lt;3", TokenKind.Emoticon)]
    [InlineData("ok 👍🏽 done", "👍🏽", TokenKind.Emoji)]
    [InlineData("family 👨‍👩‍👧 trip", "👨‍👩‍👧", TokenKind.Emoji)]
    [InlineData("Paris 🇫🇷 trip", "🇫🇷", TokenKind.Emoji)]
    [InlineData("why??!", "??!", TokenKind.Punctuation)]
    [InlineData("fish &amp; chips", "&amp;", TokenKind.Symbol)]
    [InlineData("at 10:45 today", "10:45", TokenKind.Number)]
    public void Tokenize_SocialText_RecognisesKind(string text, string expected, TokenKind kind)
    {
        var tokens = Cut(text);

        Assert.Contains(tokens, t => t.Text == expected && t.Kind == kind);
    }

    [Theory]
    [InlineData("#AcmeFail", "Acme,Fail")]
    [InlineData("#NYCTraffic", "NYC,Traffic")]
    [InlineData("#worst_day_ever", "worst,day,ever")]
    [InlineData("#iPhone15Pro", "i,Phone,15,Pro")]
    [InlineData("#fail", "fail")]
    public void Tokenize_Hashtag_SplitsCamelCaseParts(string text, string parts)
    {
        var tokens = Cut(text);

        Assert.Equal(parts.Split(','), tokens.Where(t => (t.Flags & TokenFlags.HashtagPart) != 0).Select(t => t.Text));
    }

    [Theory]
    [InlineData("this is the WORST", "WORST", TokenFlags.AllCaps)]
    [InlineData("sooooo slow", "sooooo", TokenFlags.Elongated)]
    [InlineData("it doesn't work", "doesn't", TokenFlags.Negation)]
    [InlineData("it doesn’t work", "doesn’t", TokenFlags.Negation)]
    [InlineData("it dont work", "dont", TokenFlags.Negation)]
    [InlineData("I'm here", "I'm", TokenFlags.Contraction)]
    [InlineData("wait!!!", "!!!", TokenFlags.Repeated)]
    public void Tokenize_Word_SetsFlags(string text, string word, TokenFlags flag)
    {
        var tokens = Cut(text);

        Assert.True((tokens.Single(t => t.Text == word).Flags & flag) != 0);
    }

    [Theory]
    [InlineData("ca\u200Bncel", "cancel")]
    [InlineData("SOOOOO", "soo")]
    [InlineData("Don’t", "don't")]
    public void Normalize_OddForms_GivesLookupForm(string word, string expected)
    {
        Span<char> buffer = stackalloc char[64];

        var n = Tokenizer.Normalize(word, buffer);

        Assert.Equal(expected, buffer[..n].ToString());
    }

    [Theory]
    [InlineData("Привет мир", 2)]
    [InlineData("مرحبا بالعالم", 2)]
    [InlineData("नमस्ते दुनिया", 2)]
    public void Tokenize_OtherScriptsAndBrokenSurrogates_KeepsWordsWhole(string text, int count)
    {
        var tokens = Cut(text);

        Assert.Equal(count, tokens.Length);
    }

    [Fact]
    public void Tokenize_LoneSurrogates_AreSymbols()
    {
        // Built in code: xunit's theory serialisation would replace lone surrogates before the test sees them.
        var text = new string(['\uD800', ' ', 'l', 'o', 'n', 'e', ' ', '\uDC00']);

        var tokens = Cut(text);

        Assert.Equal([TokenKind.Symbol, TokenKind.Word, TokenKind.Symbol], tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Tokenize_BufferFull_StopsWithoutError()
    {
        var text = string.Concat(Enumerable.Repeat("word ", 1000));
        var tokens = new Token[10];

        var n = Tokenizer.Tokenize(text, tokens);

        Assert.Equal(10, n);
    }
}
