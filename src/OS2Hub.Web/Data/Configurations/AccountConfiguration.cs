using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.PreferredLanguage).HasMaxLength(10);
        builder.HasMany(u => u.Grants).WithOne().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignInEventConfiguration : IEntityTypeConfiguration<SignInEvent>
{
    public void Configure(EntityTypeBuilder<SignInEvent> builder)
    {
        builder.Property(e => e.Provider).HasMaxLength(50);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.UserId, e.At });
        builder.HasIndex(e => e.At);
    }
}

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> builder)
    {
        builder.HasOne(g => g.Product).WithMany().HasForeignKey(g => g.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(g => g.Organisation).WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.UserId, g.Role, g.ProductId, g.OrganisationId }).IsUnique();
    }
}

internal sealed class JoinRequestConfiguration : IEntityTypeConfiguration<JoinRequest>
{
    public void Configure(EntityTypeBuilder<JoinRequest> builder)
    {
        builder.HasOne(r => r.Product).WithMany().HasForeignKey(r => r.ProductId);
        builder.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.RequestedByUserId).HasMaxLength(450);
        builder.Property(r => r.DecidedByUserId).HasMaxLength(450);
        builder.Property(r => r.ContactName).HasMaxLength(200);
        builder.HasOne<ContactPerson>().WithMany().HasForeignKey(r => r.ContactPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(r => r.Comment).HasMaxLength(2000);
        builder.Property(r => r.DecisionReason).HasMaxLength(2000);
        builder.Property(r => r.AgreementReference).HasMaxLength(500);
        // One open request per authority and product, enforced by the database against double clicks and races.
        builder.HasIndex(r => new { r.ProductId, r.OrganisationId }).IsUnique().HasFilter("\"Status\" = 'Pending'")
            .HasDatabaseName("UX_JoinRequests_OneOpenPerAuthority");
        builder.HasIndex(r => new { r.OrganisationId, r.Status });
    }
}

internal sealed class MembershipEventConfiguration : IEntityTypeConfiguration<MembershipEvent>
{
    public void Configure(EntityTypeBuilder<MembershipEvent> builder)
    {
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.HasIndex(e => new { e.ProductId, e.At });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.Text).HasMaxLength(1000);
        builder.Property(n => n.TextKey).HasMaxLength(100);
        builder.Property(n => n.TextArguments).HasMaxLength(2000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
