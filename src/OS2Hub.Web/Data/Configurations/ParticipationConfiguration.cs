using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Data.Configurations;

internal sealed class ParticipationConfiguration : IEntityTypeConfiguration<Participation>
{
    public void Configure(EntityTypeBuilder<Participation> builder)
    {
        builder.HasOne(p => p.Product).WithMany(p => p.Participations).HasForeignKey(p => p.ProductId);
        builder.HasOne(p => p.Organisation).WithMany(o => o.Participations).HasForeignKey(p => p.OrganisationId)
            .OnDelete(DeleteBehavior.Restrict);
        // Covering indexes for the catalogue's questions ("current members of this product", "products this
        // organisation currently serves"): the query is answered from the index without reading the table.
        builder.HasIndex(p => new { p.Kind, p.ProductId, p.OrganisationId, p.StartDate, p.EndDate });
        builder.HasIndex(p => new { p.Kind, p.OrganisationId, p.ProductId, p.StartDate, p.EndDate });
        // Never two open-ended memberships of one authority in one product; overlapping bounded periods are
        // refused by a trigger (see the migration), since a unique index cannot compare date ranges.
        builder.HasIndex(p => new { p.ProductId, p.OrganisationId }).IsUnique()
            .HasFilter("\"Kind\" = 'Member' AND \"EndDate\" IS NULL").HasDatabaseName("UX_Participations_OneOpenMembership");
        builder.Property(p => p.RoleText).HasMaxLength(200);
        builder.Property(p => p.Source).HasMaxLength(2000);
        builder.Property(p => p.AgreementReference).HasMaxLength(200);
        builder.Property(p => p.ImportedFrom).HasMaxLength(400);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class WorkingGroupConfiguration : IEntityTypeConfiguration<WorkingGroup>
{
    public void Configure(EntityTypeBuilder<WorkingGroup> builder)
    {
        builder.HasOne(g => g.Product).WithMany(p => p.WorkingGroups).HasForeignKey(g => g.ProductId);
        builder.Property(g => g.Name).HasMaxLength(200);
    }
}

internal sealed class WorkingGroupMemberConfiguration : IEntityTypeConfiguration<WorkingGroupMember>
{
    public void Configure(EntityTypeBuilder<WorkingGroupMember> builder)
    {
        builder.HasOne<WorkingGroup>().WithMany(g => g.Members).HasForeignKey(m => m.WorkingGroupId);
        builder.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // Deleting a contact person leaves the organisation's seat in the group, without a name.
        builder.HasOne(m => m.ContactPerson).WithMany().HasForeignKey(m => m.ContactPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Property(m => m.ImportedFrom).HasMaxLength(400);
    }
}

internal sealed class ContactPersonConfiguration : IEntityTypeConfiguration<ContactPerson>
{
    public void Configure(EntityTypeBuilder<ContactPerson> builder)
    {
        builder.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Roles).WithOne().HasForeignKey(r => r.ContactPersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Phone).HasMaxLength(40);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.ImportedFrom).HasMaxLength(400);
        builder.HasIndex(c => new { c.OrganisationId, c.Name });
    }
}

internal sealed class ContactRoleConfiguration : IEntityTypeConfiguration<ContactRole>
{
    public void Configure(EntityTypeBuilder<ContactRole> builder)
    {
        builder.HasOne(r => r.Product).WithMany().HasForeignKey(r => r.ProductId);
        builder.HasIndex(r => new { r.ProductId, r.Kind });
        builder.Property(r => r.ImportedFrom).HasMaxLength(400);
    }
}

internal sealed class PersonalDataAccessEntryConfiguration : IEntityTypeConfiguration<PersonalDataAccessEntry>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccessEntry> builder)
    {
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.HasIndex(e => e.At);
    }
}
