using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Earshot.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Channels2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "attachments",
                table: "replies",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "attachments",
                table: "replies");
        }
    }
}
