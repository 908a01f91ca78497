using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Earshot.Core.Contacts;

namespace Earshot.Cli;

/// <summary>
/// Reads a CRM export: CSV with a header naming <c>customer_id</c> (required), <c>name</c>, <c>email</c>,
/// <c>tier</c>, <c>lifetime_value</c> and <c>handles</c> (<c>x:@jo;mastodon:@jo@m.social</c>), in any order.
/// Each line gives a record or what is wrong with it, with its line number.
/// </summary>
public static class ContactFileReader
{
    public const string MissingCustomerIdColumn = "the CSV header has no 'customer_id' column";

    public static IEnumerable<(long Line, ContactRecord? Record, string? Error)> Read(TextReader reader)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = null,
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
        {
            yield break;
        }
        if (!csv.HeaderRecord!.Any(h => h.Trim().Equals("customer_id", StringComparison.OrdinalIgnoreCase)))
        {
            yield return (1, null, MissingCustomerIdColumn);
            yield break;
        }
        while (csv.Read())
        {
            var line = (long)csv.Parser.RawRow;
            var (record, error) = Parse(csv);
            yield return (line, record, error);
        }
    }

    static (ContactRecord?, string?) Parse(CsvReader csv)
    {
        var customerId = Field(csv, "customer_id");
        if (customerId is null)
        {
            return (null, "customer_id is empty");
        }
        if (customerId.Length > 100)
        {
            return (null, "customer_id is longer than 100 characters");
        }
        var email = Field(csv, "email");
        if (email is not null && (email.Length > 320 || email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@') || email.Any(char.IsWhiteSpace)))
        {
            return (null, $"email '{email}' is not an e-mail address");
        }
        var name = Field(csv, "name") ?? email ?? customerId;
        if (name.Length > 200)
        {
            return (null, "name is longer than 200 characters");
        }
        var tier = Field(csv, "tier")?.ToLowerInvariant();
        if (tier is { Length: > 32 })
        {
            return (null, "tier is longer than 32 characters");
        }
        double value = 0;
        if (Field(csv, "lifetime_value") is { } text
            && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || value < 0 || !double.IsFinite(value)))
        {
            return (null, $"lifetime_value '{text}' is not a number of 0 or more (use a '.' for decimals)");
        }
        var (handles, handleError) = ContactRecord.ParseHandles(Field(csv, "handles"));
        if (handleError is not null)
        {
            return (null, handleError);
        }
        return (new ContactRecord(customerId, name, email, tier, value, handles), null);
    }

    static string? Field(CsvReader csv, string name) =>
        csv.TryGetField<string>(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
