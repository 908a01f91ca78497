using Earshot.Triage;

namespace Earshot.Tests.Triage;

public class LanguageIdentifierTests
{
    [Theory]
    [InlineData("@SkyJetAir my flight was cancelled and nobody is answering the phone", "en")]
    [InlineData("lol this is the worst day ever, my phone died and the bus is late", "en")]
    [InlineData("@TelNova llevo dos días sin internet y nadie me atiende", "es")]
    [InlineData("¿alguien sabe a qué hora abre la tienda?", "es")]
    [InlineData("@ShopHaven ma commande n'est toujours pas arrivée, c'est inadmissible", "fr")]
    [InlineData("Ich warte seit zwei Wochen auf meine Rückerstattung, unglaublich", "de")]
    [InlineData("@TrustBank o aplicativo não abre desde ontem, preciso pagar uma conta", "pt")]
    [InlineData("il mio volo è stato cancellato e nessuno mi risponde", "it")]
    [InlineData("mijn pakket is nog steeds niet bezorgd, wat is er aan de hand", "nl")]
    [InlineData("رحلتي تأخرت ثلاث ساعات ولا أحد يرد", "ar")]
    [InlineData("הטיסה שלי בוטלה ואף אחד לא עונה", "he")]
    [InlineData("мой рейс отменили и никто не отвечает", "ru")]
    [InlineData("η πτήση μου ακυρώθηκε", "el")]
    [InlineData("我的航班被取消了，没有人回答", "zh")]
    [InlineData("フライトがキャンセルされました", "ja")]
    [InlineData("비행기가 취소되었어요", "ko")]
    [InlineData("เที่ยวบินของฉันถูกยกเลิก", "th")]
    [InlineData("मेरी उड़ान रद्द हो गई", "hi")]
    public void IdentifyLanguage_ShortPost_FindsLanguage(string text, string expected)
    {
        var language = TriageEngine.Default.IdentifyLanguage(text);

        Assert.Equal(expected, language);
    }

    [Theory]
    [InlineData("")]
    [InlineData("😀😀😀")]
    [InlineData("@someone #tag https://x.example 123")]
    public void IdentifyLanguage_NothingToGoBy_IsUndetermined(string text)
    {
        var language = TriageEngine.Default.IdentifyLanguage(text);

        Assert.Equal("und", language);
    }
}
