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
