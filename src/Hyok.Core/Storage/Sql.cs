using System.Data.Common;

namespace Hyok.Storage;

/// <summary>
/// Small helpers for parameterized SQL on SQLite or PostgreSQL: values always go through parameters (named <c>@name</c>,
/// which both understand), never into the text.
/// </summary>
internal static class Sql
{
    /// <summary>Builds a command with the given parameters.</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Only constant SQL text reaches here; every value is a parameter.
        command.CommandText = text;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Executes a statement; returns the number of rows changed.</summary>
    public static int Execute(DbConnection connection, DbTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, text, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or default when there is no row or it is NULL.</summary>
    public static T? Scalar<T>(DbConnection connection, DbTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, text, parameters);
        object? value = command.ExecuteScalar();
        if (value is null or DBNull)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        Type target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
    }
}
