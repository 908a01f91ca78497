namespace Earshot.Ui.Admin;

/// <summary>
/// What the database said about a form that passed its own validation (a name already taken, a query that does not
/// parse), keyed by the form's property name so the page shows each message next to its field.
/// </summary>
public sealed class FormErrors
{
    readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool IsEmpty => _byField.Count == 0;

    public IReadOnlyDictionary<string, List<string>> ByField => _byField;

    public FormErrors Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var list))
        {
            _byField[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public static FormErrors None => new();
}
