using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Data.Configurations;

internal sealed class WishConfiguration : IEntityTypeConfiguration<Wish>
{
    public void Configure(EntityTypeBuilder<Wish> builder)
    {
        builder.HasOne(w => w.Product).WithMany().HasForeignKey(w => w.ProductId);
        builder.HasOne(w => w.Organisation).WithMany().HasForeignKey(w => w.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(w => w.Supplier).WithMany().HasForeignKey(w => w.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Wish>().WithMany().HasForeignKey(w => w.MergedIntoId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(w => new { w.ProductId, w.Status });
        builder.Property(w => w.Title).HasMaxLength(200);
        builder.Property(w => w.Description).HasMaxLength(10_000);
        builder.Property(w => w.Need).HasMaxLength(2_000);
        builder.Property(w => w.IssueUrl).HasMaxLength(500);
        builder.Property(w => w.SpecificationUrl).HasMaxLength(500);
        builder.Property(w => w.RejectionReason).HasMaxLength(1_000);
        builder.Property(w => w.DeliveredIn).HasMaxLength(100);
        builder.Property(w => w.CreatedByUserId).HasMaxLength(450);
    }
}

internal sealed class WishSupportConfiguration : IEntityTypeConfiguration<WishSupport>
{
    public void Configure(EntityTypeBuilder<WishSupport> builder)
    {
        builder.HasOne(s => s.Wish).WithMany(w => w.Supports).HasForeignKey(s => s.WishId);
        builder.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // One per authority, not per person: two colleagues clicking at once give one support.
        builder.HasIndex(s => new { s.WishId, s.OrganisationId }).IsUnique();
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.Reason).HasMaxLength(500);
    }
}

internal sealed class WishPledgeConfiguration : IEntityTypeConfiguration<WishPledge>
{
    public void Configure(EntityTypeBuilder<WishPledge> builder)
    {
        builder.HasOne(p => p.Wish).WithMany(w => w.Pledges).HasForeignKey(p => p.WishId);
        builder.HasOne(p => p.Organisation).WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.WishId, p.OrganisationId }).IsUnique();
        builder.Property(p => p.UserId).HasMaxLength(450);
    }
}

internal sealed class WishCommentConfiguration : IEntityTypeConfiguration<WishComment>
{
    public void Configure(EntityTypeBuilder<WishComment> builder)
    {
        builder.HasOne(c => c.Wish).WithMany(w => w.Comments).HasForeignKey(c => c.WishId);
        builder.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.Text).HasMaxLength(4_000);
    }
}

internal sealed class WishEventConfiguration : IEntityTypeConfiguration<WishEvent>
{
    public void Configure(EntityTypeBuilder<WishEvent> builder)
    {
        builder.HasOne(e => e.Wish).WithMany(w => w.Events).HasForeignKey(e => e.WishId);
        builder.HasIndex(e => e.WishId);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.From).HasMaxLength(300);
        builder.Property(e => e.To).HasMaxLength(300);
    }
}
