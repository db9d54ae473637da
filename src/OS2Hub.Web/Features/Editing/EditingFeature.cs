using OS2Hub.Web.Features.Contacts;
using OS2Hub.Web.Features.Users;

namespace OS2Hub.Web.Features.Editing;

public static class EditingFeature
{
    /// <summary>What the secretariat and produktkoordinatorer keep true: products, organisations, roles, groups, contacts, users.</summary>
    public static IServiceCollection AddEditing(this IServiceCollection services) => services
        .AddScoped<ProductEditService>()
        .AddScoped<ProductSourceService>()
        .AddScoped<ProductMentionService>()
        .AddScoped<CategoryService>()
        .AddScoped<OrganisationEditService>()
        .AddScoped<ParticipationEditService>()
        .AddScoped<WorkingGroupService>()
        .AddScoped<ContactService>()
        .AddScoped<UserAdminService>();
}
