using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Data.Configurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.HasIndex(f => f.Key).IsUnique();
        builder.Property(f => f.Key).HasMaxLength(200);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.UploadedByUserId).HasMaxLength(450);
    }
}
