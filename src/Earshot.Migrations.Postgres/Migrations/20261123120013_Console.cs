using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Earshot.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Console : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search lives outside the EF model: see Earshot.Core.Search.SearchSchema.
            migrationBuilder.Sql(Earshot.Core.Search.SearchSchema.PostgresUp);

            migrationBuilder.CreateIndex(
                name: "ix_posts_workspace_id_created_at",
                table: "posts",
                columns: new[] { "workspace_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Earshot.Core.Search.SearchSchema.PostgresDown);

            migrationBuilder.DropIndex(
                name: "ix_posts_workspace_id_created_at",
                table: "posts");
        }
    }
}
