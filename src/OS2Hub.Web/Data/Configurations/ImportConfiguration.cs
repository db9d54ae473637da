using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Data.Configurations;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.Property(b => b.FileName).HasMaxLength(260);
        builder.Property(b => b.UserId).HasMaxLength(450);
        builder.Property(b => b.UndoneByUserId).HasMaxLength(450);
        builder.HasIndex(b => b.At);
        builder.HasMany(b => b.Changes).WithOne(c => c.Batch).HasForeignKey(c => c.BatchId);
    }
}

internal sealed class ImportChangeConfiguration : IEntityTypeConfiguration<ImportChange>
{
    public void Configure(EntityTypeBuilder<ImportChange> builder)
    {
        builder.Property(c => c.EntityType).HasMaxLength(64);
        builder.HasIndex(c => new { c.EntityType, c.EntityId });
    }
}

internal sealed class CatalogStampConfiguration : IEntityTypeConfiguration<CatalogStamp>
{
    public void Configure(EntityTypeBuilder<CatalogStamp> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new CatalogStamp { Id = 1, Value = 0 });
    }
}
