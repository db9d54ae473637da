namespace OS2Hub.Web.Features.Questions;

public static class QuestionsFeature
{
    /// <summary>Questions to a product's community, answered by its co-owners' staff and its suppliers.</summary>
    public static IServiceCollection AddQuestions(this IServiceCollection services) => services.AddScoped<QuestionService>();
}
