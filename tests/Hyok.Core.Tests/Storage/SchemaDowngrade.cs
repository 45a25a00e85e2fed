
namespace Hyok.Storage;

/// <summary>Turns a current database back into what the builds before key versions wrote (schema 3), data included.</summary>
internal static class SchemaDowngrade
{
    public static void ToVersion3(System.Data.Common.DbConnection connection) => Sql.Execute(connection, null, """
        ALTER TABLE keys ADD COLUMN material BLOB;
        UPDATE keys SET material = (SELECT v.material FROM key_versions v WHERE v.key_id = keys.id AND v.version = 1);
        ALTER TABLE keys DROP COLUMN rotate_every;
        ALTER TABLE hardware_keys DROP COLUMN rotate_every;
        DROP TABLE key_versions;
        DROP TABLE hardware_key_versions;
        DELETE FROM schema_version WHERE version > 3;
        """);
}
