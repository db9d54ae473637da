using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Slug).HasMaxLength(200);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property(o => o.Code).HasMaxLength(4).IsFixedLength(false);
        builder.HasIndex(o => new { o.Kind, o.Code }).IsUnique();
        builder.Property(o => o.Cvr).HasMaxLength(8);
        builder.Property(o => o.Website).HasMaxLength(500);
        builder.Property(o => o.Source).HasMaxLength(1000);
        builder.Property(o => o.ReferenceKey).HasMaxLength(200);
        builder.HasIndex(o => o.ReferenceKey).IsUnique();
        builder.HasOne(o => o.Region).WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Version).IsConcurrencyToken();
    }
}

internal sealed class PopulationFigureConfiguration : IEntityTypeConfiguration<PopulationFigure>
{
    public void Configure(EntityTypeBuilder<PopulationFigure> builder)
    {
        builder.HasOne(p => p.Organisation).WithMany(o => o.PopulationFigures).HasForeignKey(p => p.OrganisationId);
        builder.HasIndex(p => new { p.OrganisationId, p.AsOf }).IsUnique();
        builder.Property(p => p.Source).HasMaxLength(1000);
    }
}

internal sealed class SizeAssessmentConfiguration : IEntityTypeConfiguration<SizeAssessment>
{
    public void Configure(EntityTypeBuilder<SizeAssessment> builder)
    {
        builder.HasOne(a => a.Organisation).WithMany(o => o.SizeAssessments).HasForeignKey(a => a.OrganisationId);
        builder.HasIndex(a => new { a.OrganisationId, a.FromBudgetYear }).IsUnique();
    }
}

internal sealed class OrganisationSlugRedirectConfiguration : IEntityTypeConfiguration<OrganisationSlugRedirect>
{
    public void Configure(EntityTypeBuilder<OrganisationSlugRedirect> builder)
    {
        builder.Property(r => r.Slug).HasMaxLength(200);
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
