using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Earshot.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Routing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "bands",
                table: "sla_policies",
                type: "text",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<int>(
                name: "wrap_up_seconds",
                table: "queues",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "next_response_breached_at",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "next_response_due_at",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "required_skills",
                table: "conversations",
                type: "text",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<DateTime>(
                name: "resolution_breached_at",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sla_band",
                table: "conversations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "schedule",
                table: "agents",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "wrap_up_until",
                table: "agents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    conversation_id = table.Column<long>(type: "bigint", nullable: true),
                    queue_id = table.Column<long>(type: "bigint", nullable: true),
                    message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alerts", x => x.id);
                    table.ForeignKey(
                        name: "fk_alerts_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflow_rules",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    conditions = table.Column<string>(type: "text", nullable: false),
                    queue_id = table.Column<long>(type: "bigint", nullable: false),
                    priority_boost = table.Column<int>(type: "integer", nullable: false),
                    required_skills = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_rules", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_rules_queues_queue_id",
                        column: x => x.queue_id,
                        principalTable: "queues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_workflow_rules_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_workspace_id_acknowledged_at_created_at",
                table: "alerts",
                columns: new[] { "workspace_id", "acknowledged_at", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_rules_queue_id",
                table: "workflow_rules",
                column: "queue_id");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_rules_workspace_id_position",
                table: "workflow_rules",
                columns: new[] { "workspace_id", "position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropTable(
                name: "workflow_rules");

            migrationBuilder.DropColumn(
                name: "bands",
                table: "sla_policies");

            migrationBuilder.DropColumn(
                name: "wrap_up_seconds",
                table: "queues");

            migrationBuilder.DropColumn(
                name: "next_response_breached_at",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "next_response_due_at",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "required_skills",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "resolution_breached_at",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "sla_band",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "schedule",
                table: "agents");

            migrationBuilder.DropColumn(
                name: "wrap_up_until",
                table: "agents");
        }
    }
}
