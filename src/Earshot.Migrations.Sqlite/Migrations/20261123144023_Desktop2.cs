using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Earshot.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Desktop2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sentiment",
                table: "triage_corrections",
                type: "TEXT",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "sentiment",
                table: "triage_corrections");
        }
    }
}
