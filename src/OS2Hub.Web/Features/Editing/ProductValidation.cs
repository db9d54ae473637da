using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data;
using OS2Hub.Web.Data.Entities;
using OS2Hub.Web.Features.Setup;
using OS2Hub.Web.Features.Access;
using OS2Hub.Web.Features.Products;
using OS2Hub.Web.Features.Localization;

namespace OS2Hub.Web.Features.Editing;

/// <summary>What a product's fields must be before they are saved, each refusal a Danish message under the field's name.</summary>
public static class ProductValidation
{
    public static async Task<Dictionary<string, string>> ValidateAsync(OS2HubDbContext db, ProductEdit input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors[nameof(input.Name)] = Texts.Get("Edit_Error_Name");
        }

        var slug = input.Slug?.Trim();
        if (!InputRules.IsSlug(slug))
        {
            errors[nameof(input.Slug)] = Texts.Get("Edit_Error_Slug");
        }
        else if (await db.Products.AnyAsync(p => p.Slug == slug && p.Id != input.Id, ct)
                 || await db.ProductSlugRedirects.AnyAsync(r => r.Slug == slug && r.ProductId != input.Id, ct))
        {
            errors[nameof(input.Slug)] = Texts.Get("Edit_Error_SlugTaken");
        }

        if (input.Summary?.Length > 1000)
        {
            errors[nameof(input.Summary)] = Texts.Get("Edit_Error_Summary");
        }

        if (input.Description?.Length > 20_000)
        {
            errors[nameof(input.Description)] = Texts.Get("Edit_Error_Description");
        }

        if (!string.IsNullOrWhiteSpace(input.Licence) && ReferenceMapping.MapLicence(input.Licence).Spdx is null)
        {
            errors[nameof(input.Licence)] = Texts.Get("Edit_Error_Licence");
        }

        if (!string.IsNullOrEmpty(input.DescriptionLanguage) && !InputRules.IsTextLanguage(input.DescriptionLanguage))
        {
            errors[nameof(input.DescriptionLanguage)] = Texts.Get("Common_Error_DanishOrEnglish");
        }

        if (!InputRules.IsTextLanguage(input.StatusNoteLanguage))
        {
            errors[nameof(input.StatusNoteLanguage)] = Texts.Get("Common_Error_DanishOrEnglish");
        }

        if (input.StatusNote?.Length > 2000)
        {
            errors[nameof(input.StatusNote)] = Texts.Get("Edit_Error_Status");
        }

        if (input.LicenceNote?.Length > 500)
        {
            errors[nameof(input.LicenceNote)] = Texts.Get("Edit_Error_LicenceNote");
        }

        if (!string.IsNullOrWhiteSpace(input.SoftwareType) && !PublicCode.PublicCodeVocabulary.SoftwareTypes.Contains(input.SoftwareType.Trim()))
        {
            errors[nameof(input.SoftwareType)] = Texts.Get("Edit_Error_SoftwareType");
        }

        if (!string.IsNullOrWhiteSpace(input.DevelopmentStatus) && !PublicCode.PublicCodeVocabulary.DevelopmentStatuses.Contains(input.DevelopmentStatus.Trim()))
        {
            errors[nameof(input.DevelopmentStatus)] = Texts.Get("Edit_Error_DevelopmentStatus");
        }

        if (PublicCode.PublicCodeExport.SplitLines(input.Features).FirstOrDefault(f => f.Length > 100) is { } longFeature)
        {
            errors[nameof(input.Features)] = Texts.Format("Edit_Error_Feature", longFeature[..30], longFeature.Length);
        }

        if (PublicCode.PublicCodeExport.SplitList(input.AvailableLanguages).FirstOrDefault(l => !PublicCode.PublicCodeValidator.IsLanguage(l)) is { } badLanguage)
        {
            errors[nameof(input.AvailableLanguages)] = Texts.Format("Edit_Error_Languages", badLanguage);
        }

        if (input.Platforms?.Length > 500)
        {
            errors[nameof(input.Platforms)] = Texts.Get("Edit_Error_Platforms");
        }

        if (input.CategoryId is { } category && !await db.Categories.AnyAsync(c => c.Id == category, ct))
        {
            errors[nameof(input.CategoryId)] = Texts.Get("Edit_Error_Category");
        }

        foreach (var (field, url) in new[] { (nameof(input.RepositoryUrl), input.RepositoryUrl), (nameof(input.DocumentationUrl), input.DocumentationUrl),
            (nameof(input.WebsiteUrl), input.WebsiteUrl), (nameof(input.IssueTrackerUrl), input.IssueTrackerUrl) })
        {
            if (!InputRules.IsWebAddressOrEmpty(url))
            {
                errors[field] = Texts.Get("Common_Error_HttpsUrl");
            }
        }

        return errors;
    }
}
