using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Account;

/// <summary>
/// The account forms' validation messages for DataAnnotations, which looks messages up as static properties of a
/// type: each reads the resources in the current language.
/// </summary>
public static class AccountTexts
{
    public static string EmailRequired => Texts.Get("Account_EmailRequired");

    public static string EmailInvalid => Texts.Get("Users_Error_Email");

    public static string PasswordRequired => Texts.Get("Account_PasswordRequired");

    public static string NewPasswordRequired => Texts.Get("Account_NewPasswordRequired");

    public static string PasswordTooShort => Texts.Format("Identity_PasswordTooShort", 12);

    public static string ConfirmRequired => Texts.Get("Account_ConfirmRequired");

    public static string ConfirmDiffers => Texts.Get("Account_ConfirmDiffers");

    public static string CodeRequired => Texts.Get("TwoFactor_CodeRequired");
}
