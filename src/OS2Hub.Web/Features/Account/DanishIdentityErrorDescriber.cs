using Microsoft.AspNetCore.Identity;

namespace OS2Hub.Web.Features.Account;

/// <summary>Identity's messages in Danish, for the password and account forms.</summary>
public sealed class DanishIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Adgangskoden skal være mindst {length} tegn." };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Adgangskoden skal indeholde mindst ét tal." };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Adgangskoden skal indeholde mindst ét lille bogstav." };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Adgangskoden skal indeholde mindst ét stort bogstav." };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = "Der findes allerede en bruger med den e-mailadresse." };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = "Der findes allerede en bruger med det brugernavn." };

    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "Linket er udløbet eller ugyldigt." };
}
