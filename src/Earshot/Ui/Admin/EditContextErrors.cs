using Microsoft.AspNetCore.Components.Forms;

namespace Earshot.Ui.Admin;

/// <summary>Shows the errors the database gave back next to their fields, like the form's own validation messages.</summary>
public sealed class EditContextErrors
{
    readonly EditContext _context;
    readonly ValidationMessageStore _store;

    public EditContextErrors(EditContext context)
    {
        _context = context;
        _store = new ValidationMessageStore(context);
        // A new attempt starts clean; editing a field clears what was said about it.
        context.OnValidationRequested += (_, _) => _store.Clear();
        context.OnFieldChanged += (_, e) => _store.Clear(e.FieldIdentifier);
    }

    public void Show(FormErrors errors)
    {
        foreach (var (field, messages) in errors.ByField)
        {
            _store.Add(_context.Field(field), messages);
        }
        _context.NotifyValidationStateChanged();
    }
}
