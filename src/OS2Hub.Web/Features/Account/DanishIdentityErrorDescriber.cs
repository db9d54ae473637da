using Microsoft.AspNetCore.Identity;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Account;

/// <summary>Identity's messages in the user's language (Danish first), for the password and account forms.</summary>
public sealed class DanishIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = Texts.Format("Identity_PasswordTooShort", length) };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = Texts.Get("Identity_PasswordRequiresDigit") };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = Texts.Get("Identity_PasswordRequiresLower") };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = Texts.Get("Identity_PasswordRequiresUpper") };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = Texts.Get("Identity_DuplicateEmail") };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = Texts.Get("Identity_DuplicateUserName") };

    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = Texts.Get("Identity_InvalidToken") };
}
