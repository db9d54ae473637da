using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Data.Configurations;

internal sealed class EconomyYearConfiguration : IEntityTypeConfiguration<EconomyYear>
{
    public void Configure(EntityTypeBuilder<EconomyYear> builder)
    {
        builder.HasKey(y => y.BudgetYear);
        builder.Property(y => y.BudgetYear).ValueGeneratedNever();
        foreach (var weight in new[] { nameof(EconomyYear.WeightSmall), nameof(EconomyYear.WeightMedium), nameof(EconomyYear.WeightLarge), nameof(EconomyYear.WeightVeryLarge), nameof(EconomyYear.SecretariatPercent) })
        {
            builder.Property<decimal>(weight).HasPrecision(9, 4);
        }

        builder.Property(y => y.Source).HasMaxLength(500);
        builder.Property(y => y.Version).IsConcurrencyToken();
    }
}

internal sealed class FeeSheetConfiguration : IEntityTypeConfiguration<FeeSheet>
{
    public void Configure(EntityTypeBuilder<FeeSheet> builder)
    {
        builder.HasOne(f => f.Product).WithMany().HasForeignKey(f => f.ProductId);
        builder.HasIndex(f => new { f.ProductId, f.BudgetYear }).IsUnique();
        builder.Property(f => f.Version).IsConcurrencyToken();
    }
}

internal sealed class FeeSheetChangeConfiguration : IEntityTypeConfiguration<FeeSheetChange>
{
    public void Configure(EntityTypeBuilder<FeeSheetChange> builder)
    {
        builder.HasIndex(c => new { c.ProductId, c.BudgetYear });
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.ImportedFrom).HasMaxLength(400);
    }
}
