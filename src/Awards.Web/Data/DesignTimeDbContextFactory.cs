using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Awards.Web.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the site.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AwardsDbContext>
{
    public AwardsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AwardsDbContext>();
        DatabaseSetup.Configure(builder, new AwardsOptions { DatabasePath = Path.Combine(Path.GetTempPath(), "awards-design.db") });
        return new AwardsDbContext(builder.Options);
    }
}
