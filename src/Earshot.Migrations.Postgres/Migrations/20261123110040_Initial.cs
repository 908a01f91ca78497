using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Earshot.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workspaces",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_default = table.Column<bool>(type: "boolean", nullable: false),
                    bucket_policy = table.Column<string>(type: "text", nullable: false),
                    thread_window_seconds = table.Column<int>(type: "integer", nullable: false),
                    calendar = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspaces", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "agents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    email_normalized = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    skills = table.Column<string>(type: "text", nullable: false),
                    capacity = table.Column<string>(type: "text", nullable: false),
                    presence = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    presence_changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_heartbeat_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_offered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    is_simulated = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agents", x => x.id);
                    table.ForeignKey(
                        name: "fk_agents_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_keys_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    actor = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_audit_entries_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    display_name = table.Column<string>(type: "text", nullable: false),
                    email = table.Column<string>(type: "text", nullable: true),
                    customer_id = table.Column<string>(type: "text", nullable: true),
                    tier = table.Column<string>(type: "text", nullable: true),
                    lifetime_value = table.Column<double>(type: "double precision", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contacts_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "listening_rules",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    query = table.Column<string>(type: "text", nullable: false),
                    tag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listening_rules", x => x.id);
                    table.ForeignKey(
                        name: "fk_listening_rules_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reporting_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    conversation_id = table.Column<long>(type: "bigint", nullable: true),
                    agent_id = table.Column<long>(type: "bigint", nullable: true),
                    queue_id = table.Column<long>(type: "bigint", nullable: true),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    value_seconds = table.Column<double>(type: "double precision", nullable: true),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reporting_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_reporting_events_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sla_policies",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    first_response_seconds = table.Column<int>(type: "integer", nullable: false),
                    next_response_seconds = table.Column<int>(type: "integer", nullable: false),
                    resolution_seconds = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sla_policies", x => x.id);
                    table.ForeignKey(
                        name: "fk_sla_policies_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sources",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    connector = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    settings = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cursor = table.Column<string>(type: "text", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    last_error_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    consecutive_failures = table.Column<int>(type: "integer", nullable: false),
                    lease_token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    lease_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sources", x => x.id);
                    table.ForeignKey(
                        name: "fk_sources_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workspace_models",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    model = table.Column<byte[]>(type: "bytea", nullable: false),
                    corrections = table.Column<int>(type: "integer", nullable: false),
                    actionable_macro_f1 = table.Column<double>(type: "double precision", nullable: false),
                    baseline_actionable_macro_f1 = table.Column<double>(type: "double precision", nullable: false),
                    intent_macro_f1 = table.Column<double>(type: "double precision", nullable: true),
                    baseline_intent_macro_f1 = table.Column<double>(type: "double precision", nullable: true),
                    report = table.Column<string>(type: "text", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    trained_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspace_models", x => x.id);
                    table.ForeignKey(
                        name: "fk_workspace_models_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    handle = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    handle_normalized = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    display_name = table.Column<string>(type: "text", nullable: true),
                    followers = table.Column<long>(type: "bigint", nullable: false),
                    verified = table.Column<bool>(type: "boolean", nullable: false),
                    contact_id = table.Column<long>(type: "bigint", nullable: true),
                    first_seen_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identities", x => x.id);
                    table.ForeignKey(
                        name: "fk_identities_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_identities_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "queues",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    bucket = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    is_default = table.Column<bool>(type: "boolean", nullable: false),
                    sla_policy_id = table.Column<long>(type: "bigint", nullable: true),
                    required_skills = table.Column<string>(type: "text", nullable: false),
                    offer_timeout_seconds = table.Column<int>(type: "integer", nullable: false),
                    auto_accept = table.Column<bool>(type: "boolean", nullable: false),
                    sticky_window_seconds = table.Column<int>(type: "integer", nullable: false),
                    escalation_steps = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_queues", x => x.id);
                    table.ForeignKey(
                        name: "fk_queues_sla_policies_sla_policy_id",
                        column: x => x.sla_policy_id,
                        principalTable: "sla_policies",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_queues_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    source_id = table.Column<long>(type: "bigint", nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    medium = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    identity_id = table.Column<long>(type: "bigint", nullable: true),
                    contact_id = table.Column<long>(type: "bigint", nullable: true),
                    queue_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    bucket = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    priority_parts = table.Column<string>(type: "text", nullable: false),
                    risks = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    language = table.Column<string>(type: "text", nullable: true),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    root_external_id = table.Column<string>(type: "text", nullable: true),
                    assignee_id = table.Column<long>(type: "bigint", nullable: true),
                    opened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_activity_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    assigned_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    first_response_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    first_response_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    first_response_breached_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    resolution_due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    disposition = table.Column<string>(type: "text", nullable: true),
                    queue_entered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    escalation_steps_applied = table.Column<int>(type: "integer", nullable: false),
                    skills_widened = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversations", x => x.id);
                    table.ForeignKey(
                        name: "fk_conversations_agents_assignee_id",
                        column: x => x.assignee_id,
                        principalTable: "agents",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_conversations_identities_identity_id",
                        column: x => x.identity_id,
                        principalTable: "identities",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_conversations_queues_queue_id",
                        column: x => x.queue_id,
                        principalTable: "queues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_conversations_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "queue_members",
                columns: table => new
                {
                    queue_id = table.Column<long>(type: "bigint", nullable: false),
                    agent_id = table.Column<long>(type: "bigint", nullable: false),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_queue_members", x => new { x.queue_id, x.agent_id });
                    table.ForeignKey(
                        name: "fk_queue_members_agents_agent_id",
                        column: x => x.agent_id,
                        principalTable: "agents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_queue_members_queues_queue_id",
                        column: x => x.queue_id,
                        principalTable: "queues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "offers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    conversation_id = table.Column<long>(type: "bigint", nullable: false),
                    agent_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    offered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    responded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offers", x => x.id);
                    table.ForeignKey(
                        name: "fk_offers_agents_agent_id",
                        column: x => x.agent_id,
                        principalTable: "agents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_offers_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "posts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    source_id = table.Column<long>(type: "bigint", nullable: false),
                    platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    external_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    author_handle = table.Column<string>(type: "text", nullable: true),
                    author_name = table.Column<string>(type: "text", nullable: true),
                    author_followers = table.Column<long>(type: "bigint", nullable: false),
                    author_verified = table.Column<bool>(type: "boolean", nullable: false),
                    identity_id = table.Column<long>(type: "bigint", nullable: true),
                    in_reply_to_external_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    language_hint = table.Column<string>(type: "text", nullable: true),
                    likes = table.Column<long>(type: "bigint", nullable: false),
                    reposts = table.Column<long>(type: "bigint", nullable: false),
                    replies = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    lease_token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    lease_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    processed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    language = table.Column<string>(type: "text", nullable: true),
                    sentiment_compound = table.Column<double>(type: "double precision", nullable: false),
                    sentiment_positive = table.Column<double>(type: "double precision", nullable: false),
                    sentiment_neutral = table.Column<double>(type: "double precision", nullable: false),
                    sentiment_negative = table.Column<double>(type: "double precision", nullable: false),
                    intent = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    actionable = table.Column<bool>(type: "boolean", nullable: false),
                    actionable_score = table.Column<double>(type: "double precision", nullable: false),
                    spam = table.Column<bool>(type: "boolean", nullable: false),
                    risks = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    bucket = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    tags = table.Column<string>(type: "text", nullable: false),
                    reasons = table.Column<string>(type: "text", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    priority_parts = table.Column<string>(type: "text", nullable: false),
                    conversation_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posts", x => x.id);
                    table.ForeignKey(
                        name: "fk_posts_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_posts_sources_source_id",
                        column: x => x.source_id,
                        principalTable: "sources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_posts_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "replies",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    conversation_id = table.Column<long>(type: "bigint", nullable: false),
                    agent_id = table.Column<long>(type: "bigint", nullable: true),
                    text = table.Column<string>(type: "text", nullable: false),
                    visibility = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    in_reply_to_external_id = table.Column<string>(type: "text", nullable: true),
                    external_id = table.Column<string>(type: "text", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    lease_token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    lease_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_replies", x => x.id);
                    table.ForeignKey(
                        name: "fk_replies_agents_agent_id",
                        column: x => x.agent_id,
                        principalTable: "agents",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_replies_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "triage_corrections",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    workspace_id = table.Column<long>(type: "bigint", nullable: false),
                    post_id = table.Column<long>(type: "bigint", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    intent = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    actionable = table.Column<bool>(type: "boolean", nullable: true),
                    bucket = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    actor = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_triage_corrections", x => x.id);
                    table.ForeignKey(
                        name: "fk_triage_corrections_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_triage_corrections_workspaces_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agents_workspace_id_email_normalized",
                table: "agents",
                columns: new[] { "workspace_id", "email_normalized" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_hash",
                table: "api_keys",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_workspace_id",
                table: "api_keys",
                column: "workspace_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_workspace_id_subject",
                table: "audit_entries",
                columns: new[] { "workspace_id", "subject" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_workspace_id_customer_id",
                table: "contacts",
                columns: new[] { "workspace_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_assignee_id",
                table: "conversations",
                column: "assignee_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_identity_id",
                table: "conversations",
                column: "identity_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_queue_id",
                table: "conversations",
                column: "queue_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_source_id_root_external_id",
                table: "conversations",
                columns: new[] { "source_id", "root_external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_conversations_workspace_id_assignee_id_status",
                table: "conversations",
                columns: new[] { "workspace_id", "assignee_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_workspace_id_identity_id_status",
                table: "conversations",
                columns: new[] { "workspace_id", "identity_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_workspace_id_status_queue_id_priority",
                table: "conversations",
                columns: new[] { "workspace_id", "status", "queue_id", "priority" });

            migrationBuilder.CreateIndex(
                name: "ix_identities_contact_id",
                table: "identities",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_identities_workspace_id_platform_handle_normalized",
                table: "identities",
                columns: new[] { "workspace_id", "platform", "handle_normalized" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_listening_rules_workspace_id",
                table: "listening_rules",
                column: "workspace_id");

            migrationBuilder.CreateIndex(
                name: "ix_offers_agent_id",
                table: "offers",
                column: "agent_id");

            migrationBuilder.CreateIndex(
                name: "ix_offers_status_expires_at",
                table: "offers",
                columns: new[] { "status", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_offers_workspace_id_agent_id_status",
                table: "offers",
                columns: new[] { "workspace_id", "agent_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ux_offers_pending_conversation",
                table: "offers",
                column: "conversation_id",
                unique: true,
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_posts_conversation_id",
                table: "posts",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_posts_source_id",
                table: "posts",
                column: "source_id");

            migrationBuilder.CreateIndex(
                name: "ix_posts_status_id",
                table: "posts",
                columns: new[] { "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_posts_workspace_id_id",
                table: "posts",
                columns: new[] { "workspace_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_posts_workspace_id_platform_external_id",
                table: "posts",
                columns: new[] { "workspace_id", "platform", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_queue_members_agent_id",
                table: "queue_members",
                column: "agent_id");

            migrationBuilder.CreateIndex(
                name: "ix_queues_sla_policy_id",
                table: "queues",
                column: "sla_policy_id");

            migrationBuilder.CreateIndex(
                name: "ix_queues_workspace_id_name",
                table: "queues",
                columns: new[] { "workspace_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_replies_agent_id",
                table: "replies",
                column: "agent_id");

            migrationBuilder.CreateIndex(
                name: "ix_replies_conversation_id",
                table: "replies",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_replies_status_id",
                table: "replies",
                columns: new[] { "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_reporting_events_workspace_id_kind_occurred_at",
                table: "reporting_events",
                columns: new[] { "workspace_id", "kind", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sla_policies_workspace_id_name",
                table: "sla_policies",
                columns: new[] { "workspace_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sources_connector_lease_until",
                table: "sources",
                columns: new[] { "connector", "lease_until" });

            migrationBuilder.CreateIndex(
                name: "ix_sources_workspace_id_name",
                table: "sources",
                columns: new[] { "workspace_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_triage_corrections_post_id",
                table: "triage_corrections",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "ix_triage_corrections_workspace_id_created_at",
                table: "triage_corrections",
                columns: new[] { "workspace_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_workspace_models_workspace_id_trained_at",
                table: "workspace_models",
                columns: new[] { "workspace_id", "trained_at" });

            migrationBuilder.CreateIndex(
                name: "ix_workspaces_slug",
                table: "workspaces",
                column: "slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "listening_rules");

            migrationBuilder.DropTable(
                name: "offers");

            migrationBuilder.DropTable(
                name: "queue_members");

            migrationBuilder.DropTable(
                name: "replies");

            migrationBuilder.DropTable(
                name: "reporting_events");

            migrationBuilder.DropTable(
                name: "triage_corrections");

            migrationBuilder.DropTable(
                name: "workspace_models");

            migrationBuilder.DropTable(
                name: "posts");

            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropTable(
                name: "sources");

            migrationBuilder.DropTable(
                name: "agents");

            migrationBuilder.DropTable(
                name: "identities");

            migrationBuilder.DropTable(
                name: "queues");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "sla_policies");

            migrationBuilder.DropTable(
                name: "workspaces");
        }
    }
}
