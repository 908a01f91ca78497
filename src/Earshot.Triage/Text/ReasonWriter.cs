namespace Earshot.Triage.Text;

/// <summary>
/// Composes reason strings on the stack: text pieces and numbers with two decimals. Reasons are written for every
/// post, and general-purpose number formatting would cost more than the models that produce them.
/// </summary>
ref struct ReasonWriter(Span<char> buffer)
{
    readonly Span<char> buffer = buffer;
    int length;

    /// <summary>Appends text; what does not fit is cut.</summary>
    public void Append(scoped ReadOnlySpan<char> text)
    {
        var n = Math.Min(text.Length, buffer.Length - length);
        text[..n].CopyTo(buffer[length..]);
        length += n;
    }

    /// <summary>Appends a number rounded to two decimals ("-0.62", "1.05").</summary>
    public void Append(double value)
    {
        if (double.IsNaN(value) || Math.Abs(value) >= 1e6)
        {
            Append("?");
            return;
        }
        var hundredths = (long)Math.Round(Math.Abs(value) * 100, MidpointRounding.AwayFromZero);
        if (value < 0 && hundredths > 0)
        {
            Append("-");
        }
        Span<char> digits = stackalloc char[12];
        var whole = hundredths / 100;
        var n = 0;
        do
        {
            digits[n++] = (char)('0' + whole % 10);
            whole /= 10;
        }
        while (whole > 0);
        digits[..n].Reverse();
        digits[n++] = '.';
        digits[n++] = (char)('0' + hundredths % 100 / 10);
        digits[n++] = (char)('0' + hundredths % 10);
        Append(digits[..n]);
    }

    /// <summary>The text written so far, as a new string.</summary>
    public override readonly string ToString() => new(buffer[..length]);
}
