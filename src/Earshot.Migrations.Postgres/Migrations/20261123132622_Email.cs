using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Earshot.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Email : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "content_key",
                table: "posts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "duplicate_of_post_id",
                table: "posts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "private",
                table: "posts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "references_external_ids",
                table: "posts",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "repost_of_external_id",
                table: "posts",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "linked_at",
                table: "identities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "linked_by",
                table: "identities",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "tier",
                table: "contacts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "email",
                table: "contacts",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "display_name",
                table: "contacts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "customer_id",
                table: "contacts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "email_normalized",
                table: "contacts",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "merged_into_contact_id",
                table: "contacts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "updated_at",
                table: "contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contact_merges",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    into_contact_id = table.Column<long>(type: "bigint", nullable: false),
                    from_contact_id = table.Column<long>(type: "bigint", nullable: false),
                    identity_ids = table.Column<string>(type: "text", nullable: false),
                    conversation_ids = table.Column<string>(type: "text", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    merged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    undone_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_merges", x => x.id);
                    table.ForeignKey(
                        name: "fk_contact_merges_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_posts_workspace_id_content_key",
                table: "posts",
                columns: new[] { "workspace_id", "content_key" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_workspace_id_email_normalized",
                table: "contacts",
                columns: new[] { "workspace_id", "email_normalized" });

            migrationBuilder.CreateIndex(
                name: "ix_contact_merges_workspace_id_from_contact_id",
                table: "contact_merges",
                columns: new[] { "workspace_id", "from_contact_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_merges");

            migrationBuilder.DropIndex(
                name: "ix_posts_workspace_id_content_key",
                table: "posts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_workspace_id_email_normalized",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "content_key",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "duplicate_of_post_id",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "private",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "references_external_ids",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "repost_of_external_id",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "linked_at",
                table: "identities");

            migrationBuilder.DropColumn(
                name: "linked_by",
                table: "identities");

            migrationBuilder.DropColumn(
                name: "email_normalized",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "merged_into_contact_id",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "contacts");

            migrationBuilder.AlterColumn<string>(
                name: "tier",
                table: "contacts",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(32)",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "email",
                table: "contacts",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(320)",
                oldMaxLength: 320,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "display_name",
                table: "contacts",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "customer_id",
                table: "contacts",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);
        }
    }
}
