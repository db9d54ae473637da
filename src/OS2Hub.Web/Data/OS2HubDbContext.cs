using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Data;

/// <summary>
/// The hub's database on SQLite, the embedded default, whose migrations are in Data/Migrations.
/// <see cref="PostgreSqlHubDbContext"/> is the same model on PostgreSQL with migrations of its own.
/// </summary>
public class OS2HubDbContext(DbContextOptions<OS2HubDbContext> options) : IdentityUserContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every instance and kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Grant> Grants => Set<Grant>();
    public DbSet<SignInEvent> SignInEvents => Set<SignInEvent>();
    public DbSet<JoinRequest> JoinRequests => Set<JoinRequest>();
    public DbSet<MembershipEvent> MembershipEvents => Set<MembershipEvent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ProductSlugRedirect> ProductSlugRedirects => Set<ProductSlugRedirect>();
    public DbSet<ChangeLogEntry> ChangeLog => Set<ChangeLogEntry>();
    public DbSet<OrganisationSlugRedirect> OrganisationSlugRedirects => Set<OrganisationSlugRedirect>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<PopulationFigure> PopulationFigures => Set<PopulationFigure>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductSource> ProductSources => Set<ProductSource>();
    public DbSet<ProductMention> ProductMentions => Set<ProductMention>();
    public DbSet<Participation> Participations => Set<Participation>();
    public DbSet<WorkingGroup> WorkingGroups => Set<WorkingGroup>();
    public DbSet<WorkingGroupMember> WorkingGroupMembers => Set<WorkingGroupMember>();
    public DbSet<ContactPerson> ContactPersons => Set<ContactPerson>();
    public DbSet<ContactRole> ContactRoles => Set<ContactRole>();
    public DbSet<PersonalDataAccessEntry> PersonalDataAccessLog => Set<PersonalDataAccessEntry>();
    public DbSet<EconomyYear> EconomyYears => Set<EconomyYear>();
    public DbSet<SizeAssessment> SizeAssessments => Set<SizeAssessment>();
    public DbSet<FeeSheet> FeeSheets => Set<FeeSheet>();
    public DbSet<FeeSheetChange> FeeSheetChanges => Set<FeeSheetChange>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ImportChange> ImportChanges => Set<ImportChange>();
    public DbSet<CatalogStamp> CatalogStamps => Set<CatalogStamp>();
    public DbSet<Wish> Wishes => Set<Wish>();
    public DbSet<WishSupport> WishSupports => Set<WishSupport>();
    public DbSet<WishPledge> WishPledges => Set<WishPledge>();
    public DbSet<WishComment> WishComments => Set<WishComment>();
    public DbSet<WishEvent> WishEvents => Set<WishEvent>();
    public DbSet<NewsItem> NewsItems => Set<NewsItem>();
    public DbSet<DecisionEntry> DecisionEntries => Set<DecisionEntry>();
    public DbSet<ProductDocument> ProductDocuments => Set<ProductDocument>();
    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionAnswer> QuestionAnswers => Set<QuestionAnswer>();
    public DbSet<ProductFollow> ProductFollows => Set<ProductFollow>();
    public DbSet<ConfirmationRound> ConfirmationRounds => Set<ConfirmationRound>();
    public DbSet<Confirmation> Confirmations => Set<Confirmation>();
    public DbSet<ConfirmationReminder> ConfirmationReminders => Set<ConfirmationReminder>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Identity's default schema (version 1): the app sets no other version in IdentityOptions, so a context
        // built outside the app's DI (tests, benchmarks) has exactly the model the migrations were made from.
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OS2HubDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Enums as text: readable in the database and stable when a value is inserted in the middle.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
