namespace OS2Hub.Web.Features.PublicCode;

/// <summary>The controlled vocabularies of the publiccode.yml standard 0.7 (docs/standard/categories-list.rst, scope-list.rst, aliases-list.rst).</summary>
internal static class PublicCodeVocabulary
{
    /// <summary>
    /// The language subtags of the IANA Language Subtag Registry (File-Date 2025-08-25, via the npm package
    /// language-subtag-registry 0.4.2, CC0), as the reference parser's BCP 47 check knows them: "xx" is well-formed but
    /// no language. The private-use range qaa–qtz is a pattern, not a list.
    /// </summary>
    public static readonly HashSet<string> Languages = Lines("bcp47-languages.txt", StringComparer.OrdinalIgnoreCase);

    /// <summary>ISO 3166-1 alpha-2, all 249 codes (via the npm package iso-3166-1 2.1.1, MIT), in upper case.</summary>
    public static readonly HashSet<string> Countries = Lines("iso3166-1-alpha2.txt", StringComparer.Ordinal);

    private static HashSet<string> Lines(string name, StringComparer comparer)
    {
        using var stream = typeof(PublicCodeVocabulary).Assembly.GetManifestResourceStream($"OS2Hub.Web.Data.Reference.{name}")
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(comparer);
    }

    public static readonly HashSet<string> Categories = new(StringComparer.Ordinal)
    {
        "accounting", "agile-project-management", "applicant-tracking", "application-development",
        "appointment-scheduling", "backup", "billing-and-invoicing", "blog", "budgeting", "business-intelligence",
        "business-process-management", "cad", "call-center-management", "cloud-management", "collaboration",
        "communications", "compliance-management", "contact-management", "content-management", "crm",
        "customer-service-and-support", "data-analytics", "data-collection", "data-visualization", "design",
        "design-system", "digital-asset-management", "digital-citizenship", "document-management", "donor-management",
        "e-commerce", "e-signature", "educational-content", "email-management", "email-marketing",
        "employee-management", "enterprise-project-management", "enterprise-social-networking", "erp",
        "event-management", "facility-management", "feedback-and-reviews-management", "financial-reporting",
        "fleet-management", "fundraising", "gamification", "geographic-information-systems", "grant-management",
        "graphic-design", "help-desk", "hr", "ide", "identity-management", "instant-messaging",
        "integrated-library-system", "inventory-management", "it-asset-management", "it-development", "it-management",
        "it-security", "it-service-management", "knowledge-management", "learning-management-system", "marketing",
        "mind-mapping", "mobile-marketing", "mobile-payment", "network-management", "office", "online-booking",
        "online-community", "payment-gateway", "payroll", "predictive-analysis", "procurement", "productivity-suite",
        "project-collaboration", "project-management", "property-management", "real-estate-management",
        "regulations-and-directives", "remote-support", "resource-management", "sales-management", "seo",
        "service-desk", "social-media-management", "survey", "talent-management", "task-management",
        "taxes-management", "test-management", "time-management", "time-tracking", "translation", "video-conferencing",
        "video-editing", "visitor-management", "voip", "warehouse-management", "web-collaboration", "web-conferencing",
        "website-builder", "whistleblowing", "workflow-management", "other",
    };

    public static readonly HashSet<string> Scopes = new(StringComparer.Ordinal)
    {
        "agriculture", "culture", "defence", "education", "emergency-services", "employment", "energy", "environment",
        "finance-and-economic-development", "foreign-affairs", "government", "healthcare", "infrastructures",
        "justice", "local-authorities", "manufacturing", "research", "science-and-technology", "security", "society",
        "sport", "tourism", "transportation", "welfare",
    };

    public static readonly HashSet<string> Aliases = new(StringComparer.Ordinal) { "gdpr", "eidas", "nis2", "cra", "spid", "cie", "anpr", "pagopa", "io" };

    public static readonly string[] DevelopmentStatuses = ["concept", "development", "beta", "stable", "obsolete"];

    public static readonly string[] SoftwareTypes =
        ["standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web", "standalone/backend", "standalone/other", "addon", "library", "configurationFiles"];

    public static readonly string[] MaintenanceTypes = ["internal", "contract", "community", "none"];
}
