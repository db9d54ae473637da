using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Simplify;

// Turns the DAGI municipality boundaries (GeoJSON, WGS84) into the hub's own small map: each municipality as SVG path
// data in a fixed drawing, simplified to what a 1000-unit-wide map can show, with Bornholm and Christiansø moved into
// an inset at the top right as on official maps. The app only reads the result; it never projects or simplifies.
if (args.Length is not (2 or 3))
{
    Console.Error.WriteLine("dotnet run --project tools/MapData -- <kommuner.geojson> <denmark-map.json> [tolerance]");
    return 1;
}

const double Width = 1000;
const double Margin = 8;
// Drawing units: under a pixel at full width for the big map; coarser for the small one on a product page.
var tolerance = args.Length == 3 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0.7;
string[] inset = ["0400", "0411"];

var options = new JsonSerializerOptions();
options.Converters.Add(new GeoJsonConverterFactory());
var features = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(args[0]), options)!;

// Equirectangular with the longitude shrunk by cos(56°): true enough at Denmark's latitude, and simple to check.
var shrink = Math.Cos(56 * Math.PI / 180);
Coordinate Project(Coordinate c) => new(c.X * shrink, -c.Y);
Geometry Projected(IFeature f) => f.Geometry.Copy().Apply(Project);

Envelope Bounds(IEnumerable<IFeature> some)
{
    var bounds = new Envelope();
    foreach (var f in some)
    {
        bounds.ExpandToInclude(Projected(f).EnvelopeInternal);
    }

    return bounds;
}

var main = Bounds(features.Where(f => !inset.Contains(Code(f))));
var scale = (Width - 2 * Margin) / main.Width;
var height = Math.Round(main.Height * scale + 2 * Margin);
var islands = Bounds(features.Where(f => inset.Contains(Code(f))));
const double Pad = 10;
var insetBox = (W: islands.Width * scale + 2 * Pad, H: islands.Height * scale + 2 * Pad);
var insetAt = (X: Width - Margin - insetBox.W, Y: Margin);

var areas = new List<object>();
foreach (var feature in features.OrderBy(Code, StringComparer.Ordinal))
{
    var code = Code(feature);
    var inInset = inset.Contains(code);
    var geometry = Projected(feature).Apply(c => inInset
        ? new Coordinate(insetAt.X + Pad + (c.X - islands.MinX) * scale, insetAt.Y + Pad + (c.Y - islands.MinY) * scale)
        : new Coordinate(Margin + (c.X - main.MinX) * scale, Margin + (c.Y - main.MinY) * scale));
    var simple = TopologyPreservingSimplifier.Simplify(geometry, code == "0411" ? 0.1 : tolerance);
    areas.Add(new { code, name = (string)feature.Attributes["name"], path = PathData(simple) });
}

var map = new
{
    source = "DAGI kommunegrænser (Geodatastyrelsen 2014, via github.com/Neogeografen/dagi), forenklet til kortet med tools/MapData",
    attribution = "Indeholder data fra Klimadatastyrelsen (DAGI), CC BY 4.0",
    width = Width,
    height,
    inset = new { x = Round(insetAt.X), y = Round(insetAt.Y), width = Round(insetBox.W), height = Round(insetBox.H) },
    areas,
};
File.WriteAllText(args[1], JsonSerializer.Serialize(map, new JsonSerializerOptions { WriteIndented = true }) + "\n");
Console.WriteLine($"{areas.Count} areas, {new FileInfo(args[1]).Length / 1024} KB, {Width}x{height}");
return 0;

static string Code(IFeature f) => (string)f.Attributes["code"];

static double Round(double v) => Math.Round(v, 1);

static string PathData(Geometry geometry)
{
    var text = new StringBuilder();
    for (var i = 0; i < geometry.NumGeometries; i++)
    {
        if (geometry.GetGeometryN(i) is not Polygon polygon || polygon.IsEmpty)
        {
            continue;
        }

        foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
        {
            var points = ring.Coordinates;
            for (var p = 0; p < points.Length - 1; p++)
            {
                text.Append(p == 0 ? 'M' : 'L').Append(Round(points[p].X).ToString(CultureInfo.InvariantCulture)).Append(' ')
                    .Append(Round(points[p].Y).ToString(CultureInfo.InvariantCulture));
            }

            text.Append('Z');
        }
    }

    return text.ToString();
}

internal static class GeometryExtensions
{
    /// <summary>A copy of the geometry with every coordinate mapped.</summary>
    public static Geometry Apply(this Geometry geometry, Func<Coordinate, Coordinate> map)
    {
        var copy = geometry.Copy();
        copy.Apply(new Mapper(map));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class Mapper(Func<Coordinate, Coordinate> map) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var mapped = map(seq.GetCoordinate(i));
            seq.SetX(i, mapped.X);
            seq.SetY(i, mapped.Y);
        }
    }
}
