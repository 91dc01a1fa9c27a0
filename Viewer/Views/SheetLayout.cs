using System.Numerics;

namespace StyleForge.Viewer.Views;

/// <summary>
/// Where each pair goes on a contact sheet: a near-square grid of items, each one cell
/// (two cells side by side in side mode) of cellSize pixels.
/// </summary>
internal sealed record SheetLayout(int Count, int CellSize, int CellsPerItem, int Columns, int Rows)
{
    public static SheetLayout For(int count, ViewMode mode, int cellSize)
    {
        var cellsPerItem = mode == ViewMode.Side ? 2 : 1;
        var columns = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(count / (double)cellsPerItem)));
        var rows = (count + columns - 1) / columns;
        return new SheetLayout(count, cellSize, cellsPerItem, columns, rows);
    }

    public Vector2 ItemSize => new(CellSize * CellsPerItem, CellSize);

    public int Width => Columns * CellSize * CellsPerItem;

    public int Height => Rows * CellSize;

    public Vector2 Origin(int index) => new Vector2(index % Columns, index / Columns) * ItemSize;
}
