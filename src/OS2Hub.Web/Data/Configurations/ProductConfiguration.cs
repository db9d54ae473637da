using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.Slug).HasMaxLength(200);
        builder.HasIndex(c => c.Slug).IsUnique();
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Slug).HasMaxLength(200);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasIndex(p => p.Name);
        builder.Property(p => p.Summary).HasMaxLength(1000);
        builder.Property(p => p.DescriptionLanguage).HasMaxLength(8);
        builder.Property(p => p.Licence).HasMaxLength(200);
        builder.Property(p => p.LicenceNote).HasMaxLength(1000);
        builder.Property(p => p.StatusNote).HasMaxLength(2000);
        builder.Property(p => p.StatusNoteLanguage).HasMaxLength(8);
        builder.Property(p => p.Platforms).HasMaxLength(500);
        builder.Property(p => p.SoftwareType).HasMaxLength(32);
        builder.Property(p => p.DevelopmentStatus).HasMaxLength(16);
        builder.Property(p => p.Features).HasMaxLength(10_000);
        builder.Property(p => p.AvailableLanguages).HasMaxLength(500);
        builder.Property(p => p.RepositoryUrl).HasMaxLength(500);
        builder.Property(p => p.DocumentationUrl).HasMaxLength(500);
        builder.Property(p => p.WebsiteUrl).HasMaxLength(500);
        builder.Property(p => p.IssueTrackerUrl).HasMaxLength(500);
        builder.Property(p => p.JoinAgreementUrl).HasMaxLength(500);
        builder.Property(p => p.ReferenceKey).HasMaxLength(200);
        builder.HasIndex(p => p.ReferenceKey).IsUnique();
        builder.HasIndex(p => p.UpdatedAt);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ProductSourceConfiguration : IEntityTypeConfiguration<ProductSource>
{
    public void Configure(EntityTypeBuilder<ProductSource> builder)
    {
        builder.HasOne<Product>().WithMany(p => p.Sources).HasForeignKey(s => s.ProductId);
        builder.Property(s => s.Reference).HasMaxLength(2000);
        builder.Property(s => s.Note).HasMaxLength(1000);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class ProductMentionConfiguration : IEntityTypeConfiguration<ProductMention>
{
    public void Configure(EntityTypeBuilder<ProductMention> builder)
    {
        builder.HasOne<Product>().WithMany(p => p.Mentions).HasForeignKey(m => m.ProductId);
        builder.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.Statement).HasMaxLength(2000);
        builder.Property(m => m.AsOf).HasMaxLength(10);
        builder.Property(m => m.Source).HasMaxLength(2000);
        builder.Property(m => m.Language).HasMaxLength(8);
        builder.Property(m => m.Version).IsConcurrencyToken();
    }
}

internal sealed class ProductSlugRedirectConfiguration : IEntityTypeConfiguration<ProductSlugRedirect>
{
    public void Configure(EntityTypeBuilder<ProductSlugRedirect> builder)
    {
        builder.Property(r => r.Slug).HasMaxLength(200);
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChangeLogEntryConfiguration : IEntityTypeConfiguration<ChangeLogEntry>
{
    public void Configure(EntityTypeBuilder<ChangeLogEntry> builder)
    {
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.EntityType).HasMaxLength(50);
        builder.Property(c => c.Field).HasMaxLength(100);
        builder.HasIndex(c => new { c.EntityType, c.EntityId, c.At });
    }
}
