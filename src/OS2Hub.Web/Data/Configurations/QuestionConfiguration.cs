using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OS2Hub.Web.Data.Entities;

namespace OS2Hub.Web.Data.Configurations;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.HasOne(q => q.Product).WithMany().HasForeignKey(q => q.ProductId);
        builder.HasOne(q => q.Organisation).WithMany().HasForeignKey(q => q.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(q => new { q.ProductId, q.LastActivityAt });
        builder.HasIndex(q => new { q.IsPublic, q.CreatedAt });
        builder.Property(q => q.Title).HasMaxLength(200);
        builder.Property(q => q.Text).HasMaxLength(10_000);
        builder.Property(q => q.AskedByUserId).HasMaxLength(450);
        builder.Property(q => q.ModerationNote).HasMaxLength(500);
    }
}

internal sealed class QuestionAnswerConfiguration : IEntityTypeConfiguration<QuestionAnswer>
{
    public void Configure(EntityTypeBuilder<QuestionAnswer> builder)
    {
        builder.HasOne(a => a.Question).WithMany(q => q.Answers).HasForeignKey(a => a.QuestionId);
        builder.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.QuestionId);
        builder.Property(a => a.Text).HasMaxLength(10_000);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.ModerationNote).HasMaxLength(500);
    }
}

internal sealed class ProductFollowConfiguration : IEntityTypeConfiguration<ProductFollow>
{
    public void Configure(EntityTypeBuilder<ProductFollow> builder)
    {
        builder.HasOne(f => f.Product).WithMany().HasForeignKey(f => f.ProductId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        // A set of flags, so a number: as text ("News, Decisions, …") it would outgrow the enum column and defeat a bitwise test.
        builder.Property(f => f.Topics).HasConversion<int>();
        builder.HasIndex(f => new { f.UserId, f.ProductId }).IsUnique();
        builder.HasIndex(f => new { f.ProductId, f.Delivery });
        builder.Property(f => f.UserId).HasMaxLength(450);
    }
}
