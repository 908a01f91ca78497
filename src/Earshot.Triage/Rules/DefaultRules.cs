namespace Earshot.Triage.Rules;

/// <summary>
/// The cue phrases Earshot ships, in the languages of the language identifier. Written for Earshot. Each cue starts
/// with a whole word (that is how cues are found); a trailing '*' lets the last word run on.
/// </summary>
static class DefaultRules
{
    public static IEnumerable<CueRule> All =>
        Cues(CueSignal.Legal, "lawyer", "lawyers", "attorney", "attorneys", "sue you", "suing", "sue them", "lawsuit", "lawsuits", "legal action", "take legal",
            "small claims", "class action", "my solicitor", "solicitors", "court", "ombudsman", "regulator", "the fcc", "fcc complaint",
            "the ftc", "ftc complaint", "cfpb", "better business bureau", "the bbb", "bbb complaint", "consumer protection",
            "trading standards", "dot complaint", "report you to", "chargeback", "abogado", "demanda", "denuncia", "avocat",
            "plainte", "anwalt", "verbraucherzentrale", "avvocato", "advogado", "procon", "processar", "advocaat")
        .Concat(Cues(CueSignal.Churn, "cancel my account", "cancel my subscription", "cancel my contract", "cancel my membership",
            "cancelling my", "canceling my", "close my account", "closing my account", "switching to", "switch to another",
            "moving to another", "taking my business", "take my business", "lost a customer", "lost a loyal", "never flying",
            "never fly with", "never ordering", "never again", "never use you", "never using", "done with you",
            "port my number", "leaving you", "goodbye forever", "unsubscribe", "unsubscribed", "unsubscribing", "darme de baja", "me cambio de", "cambiarme de",
            "résilier", "je résilie", "vais résilier", "kündige", "kündigen", "disdire", "cambio gestore", "trocar de operadora",
            "cancelar minha", "opzeggen", "ik zeg mijn"))
        .Concat(Cues(CueSignal.Safety, "unsafe", "dangerous", "injured", "injury", "injuries", "got hurt", "was hurt", "bleeding",
            "caught fire", "on fire", "smoke in", "sparks", "exploded", "explosion", "food poisoning", "allergic reaction",
            "anaphylaxis", "anaphylactic", "choking", "emergency landing", "ambulance", "hospitalized", "hospitalised", "in hospital", "in the hospital", "carbon monoxide", "gas leak", "assaulted",
            "harassed", "sexual harassment", "sexually harassed", "threatened me", "brakes failed", "electrocuted", "electrocution", "mold in", "mould in", "glass in my",
            "intoxicación", "herido", "blessé", "intoxication", "verletzt", "ferito", "ferido"))
        .Concat(Cues(CueSignal.Privacy, "my password", "hacked", "data breach", "breach", "leaked my", "identity theft",
            "stole my identity", "someone accessed my", "unauthorized", "unauthorised", "my card details", "card number", "social security number",
            "my ssn", "my address was", "posted my", "doxxed", "doxxing", "phishing", "privacy", "gdpr", "my personal information",
            "my personal details", "datos personales", "données personnelles", "datenschutz", "dati personali", "dados pessoais"))
        .Concat(Cues(CueSignal.Spam, "free followers", "followers in 24", "follow back", "followback", "f4f", "click here",
            "click the link", "link in bio", "dm for promo", "promo code", "earn $", "make money online", "work from home!",
            "crypto giveaway", "send 0.", "claim your prize", "you won a", "you have won", "congratulations you won", "hot singles",
            "replica watches", "buy 1000", "likes for $", "verify your account here", "verify now", "plagiarism free",
            "passive income", "tag 3 friends", "rt to win", "giveaway", "gana $", "gana dinero", "gagnez", "verdiene", "guadagna",
            "ganhe", "verdien"));

    static IEnumerable<CueRule> Cues(CueSignal signal, params string[] cues) => cues.Select(c => new CueRule(c, signal));
}
