using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Data.Configurations;

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> builder)
    {
        builder.HasOne(n => n.Product).WithMany().HasForeignKey(n => n.ProductId);
        builder.HasOne(n => n.Organisation).WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(n => new { n.ProductId, n.PublishedOn });
        builder.HasIndex(n => new { n.Visibility, n.CreatedAt });
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Version).HasMaxLength(100);
        builder.Property(n => n.Text).HasMaxLength(20_000);
        builder.Property(n => n.AuthorUserId).HasMaxLength(450);
    }
}

internal sealed class DecisionEntryConfiguration : IEntityTypeConfiguration<DecisionEntry>
{
    public void Configure(EntityTypeBuilder<DecisionEntry> builder)
    {
        builder.HasOne(d => d.Product).WithMany().HasForeignKey(d => d.ProductId);
        builder.HasOne<DecisionEntry>().WithMany().HasForeignKey(d => d.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.ProductId, d.DecidedOn });
        builder.HasIndex(d => new { d.Visibility, d.CreatedAt });
        builder.Property(d => d.BodyName).HasMaxLength(200);
        builder.Property(d => d.Summary).HasMaxLength(1_000);
        builder.Property(d => d.Reasoning).HasMaxLength(20_000);
        builder.Property(d => d.MinutesUrl).HasMaxLength(500);
        builder.Property(d => d.WishIds).HasMaxLength(500);
        builder.Property(d => d.RecordedByUserId).HasMaxLength(450);
    }
}

internal sealed class ProductDocumentConfiguration : IEntityTypeConfiguration<ProductDocument>
{
    public void Configure(EntityTypeBuilder<ProductDocument> builder)
    {
        builder.HasOne(d => d.Product).WithMany().HasForeignKey(d => d.ProductId);
        builder.HasIndex(d => d.ProductId);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.CreatedByUserId).HasMaxLength(450);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.HasOne(v => v.Document).WithMany(d => d.Versions).HasForeignKey(v => v.DocumentId);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(v => v.StoredFileId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        builder.Property(v => v.FileName).HasMaxLength(255);
        builder.Property(v => v.ContentType).HasMaxLength(100);
        builder.Property(v => v.UploadedByUserId).HasMaxLength(450);
        builder.Property(v => v.RemovedNote).HasMaxLength(500);
    }
}
