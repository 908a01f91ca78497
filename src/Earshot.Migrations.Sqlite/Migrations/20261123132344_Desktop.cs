using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Earshot.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Desktop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "rejection_reason",
                table: "replies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "review_reasons",
                table: "replies",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "reviewed_at",
                table: "replies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reviewed_by",
                table: "replies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tags",
                table: "conversations",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "canned_responses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    workspace_id = table.Column<long>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    keywords = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_canned_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_canned_responses_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "conversation_notes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    workspace_id = table.Column<long>(type: "INTEGER", nullable: false),
                    conversation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    contact_id = table.Column<long>(type: "INTEGER", nullable: true),
                    agent_id = table.Column<long>(type: "INTEGER", nullable: true),
                    author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_conversation_notes_agents_agent_id",
                        column: x => x.agent_id,
                        principalTable: "agents",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_conversation_notes_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_conversation_notes_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "conversation_viewers",
                columns: table => new
                {
                    conversation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    agent_id = table.Column<long>(type: "INTEGER", nullable: false),
                    workspace_id = table.Column<long>(type: "INTEGER", nullable: false),
                    agent_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    last_seen_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_viewers", x => new { x.conversation_id, x.agent_id });
                    table.ForeignKey(
                        name: "fk_conversation_viewers_agents_agent_id",
                        column: x => x.agent_id,
                        principalTable: "agents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_conversation_viewers_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_conversation_viewers_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_canned_responses_workspace_id_title",
                table: "canned_responses",
                columns: new[] { "workspace_id", "title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_conversation_notes_agent_id",
                table: "conversation_notes",
                column: "agent_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversation_notes_conversation_id",
                table: "conversation_notes",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversation_notes_workspace_id_contact_id",
                table: "conversation_notes",
                columns: new[] { "workspace_id", "contact_id" });

            migrationBuilder.CreateIndex(
                name: "ix_conversation_viewers_agent_id",
                table: "conversation_viewers",
                column: "agent_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversation_viewers_last_seen_at",
                table: "conversation_viewers",
                column: "last_seen_at");

            migrationBuilder.CreateIndex(
                name: "ix_conversation_viewers_workspace_id",
                table: "conversation_viewers",
                column: "workspace_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "canned_responses");

            migrationBuilder.DropTable(
                name: "conversation_notes");

            migrationBuilder.DropTable(
                name: "conversation_viewers");

            migrationBuilder.DropColumn(
                name: "rejection_reason",
                table: "replies");

            migrationBuilder.DropColumn(
                name: "review_reasons",
                table: "replies");

            migrationBuilder.DropColumn(
                name: "reviewed_at",
                table: "replies");

            migrationBuilder.DropColumn(
                name: "reviewed_by",
                table: "replies");

            migrationBuilder.DropColumn(
                name: "tags",
                table: "conversations");
        }
    }
}
