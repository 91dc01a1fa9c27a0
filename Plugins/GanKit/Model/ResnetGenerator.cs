using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace StyleForge.Plugins.GanKit.Model;

/// <summary>
/// The reference ResNet generator (resnet_6blocks / resnet_9blocks): c7s1-ngf, two stride-2
/// downsamples, residual blocks, two transposed-conv upsamples (or, with <see cref="GeneratorUpsampling.Resize"/>,
/// two resize-then-conv upsamples in their place), c7s1-3, tanh. With <see cref="GeneratorHead.Affine"/> the last
/// convolution is c7s1-6 and <see cref="AffineHead"/> turns it and the input into the image. Output has the input's size
/// when both sides are multiples of 4.
/// </summary>
internal sealed class ResnetGenerator : Module<Tensor, Tensor>
{
    // Field name is the reference's saved-weight key: model.1.weight ... model.N.bias.
    private readonly Sequential model;
    private NormStatistics? _statistics;

    public ResnetGenerator(GeneratorArchitecture architecture) : base(nameof(ResnetGenerator))
    {
        Architecture = architecture;
        long ngf = architecture.Ngf;
        var layers = new List<Module<Tensor, Tensor>>
        {
            new BorderPad(3),
            new AlignedConv2d(3, ngf, kernelSize: 7),
            new InstanceNorm(),
            ReLU(inplace: true),
            new DownsampleConv(ngf, ngf * 2),
            new InstanceNorm(),
            ReLU(inplace: true),
            new DownsampleConv(ngf * 2, ngf * 4),
            new InstanceNorm(),
            ReLU(inplace: true),
        };
        for (var i = 0; i < architecture.Blocks; i++)
        {
            layers.Add(new ResnetBlock(ngf * 4));
        }
        layers.AddRange(
        [
            Upsample(architecture.Upsample, ngf * 4, ngf * 2),
            new InstanceNorm(),
            ReLU(inplace: true),
            Upsample(architecture.Upsample, ngf * 2, ngf),
            new InstanceNorm(),
            ReLU(inplace: true),
            new BorderPad(3),
            new AlignedConv2d(ngf, architecture.Head == GeneratorHead.Affine ? AffineHead.Channels : 3, kernelSize: 7),
        ]);
        if (architecture.Head == GeneratorHead.Direct)
        {
            layers.Add(Tanh());
        }
        model = Sequential(layers);
        RegisterComponents();
    }

    public GeneratorArchitecture Architecture { get; }

    private static Module<Tensor, Tensor> Upsample(GeneratorUpsampling mode, long inputChannels, long outputChannels) => mode switch
    {
        GeneratorUpsampling.Resize => new ResizeConv(inputChannels, outputChannels),
        _ => ConvTranspose2d(inputChannels, outputChannels, kernel_size: 3, stride: 2, padding: 1, output_padding: 1),
    };

    /// <summary>
    /// Switches every padding layer: <see cref="PaddingMode.Reflect"/> (the reference, and training: reflection pads
    /// mirror, the stride-2 convolutions pad with zeros) or <see cref="PaddingMode.Circular"/> for seamless textures
    /// (everything wraps). Weights are unaffected; the transposed convolutions keep their reference behaviour.
    /// </summary>
    public void UsePadding(PaddingMode mode)
    {
        foreach (var (_, module) in named_modules())
        {
            switch (module)
            {
                case BorderPad pad:
                    pad.Mode = mode;
                    break;
                case DownsampleConv conv:
                    // Not a pad layer: the reference zero-pads it, so "reflect" leaves it at zeros.
                    conv.WrapsBorder = mode == PaddingMode.Circular;
                    break;
                case ResizeConv conv:
                    conv.Mode = mode;
                    break;
            }
        }
    }

    /// <summary>
    /// Attaches shared instance-norm statistics to every norm layer (null detaches them). The caller
    /// owns <paramref name="statistics"/> and picks its mode; each forward pass begins a new pass on it.
    /// </summary>
    public void UseStatistics(NormStatistics? statistics)
    {
        _statistics = statistics;
        foreach (var (_, module) in named_modules())
        {
            if (module is InstanceNorm norm)
            {
                norm.Statistics = statistics;
            }
        }
    }

    /// <summary>
    /// Layers 0 to this index form the encoder: the input padding, the first convolution, both downsamples and every
    /// residual block. CUT's nce_layers index this same sequence (the reference's ResNet generator without antialiasing).
    /// </summary>
    public int LastEncoderLayer => 9 + Architecture.Blocks;

    /// <summary>Channels of the activation after zero-based layer <paramref name="layer"/> of the encoder.</summary>
    public long ChannelsAfter(int layer) => layer switch
    {
        0 => 3,
        <= 3 => Architecture.Ngf,
        <= 6 => Architecture.Ngf * 2,
        _ when layer <= LastEncoderLayer => Architecture.Ngf * 4,
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, $"the encoder's layers are 0 to {LastEncoderLayer}"),
    };

    /// <summary>
    /// Runs the encoder up to the last of <paramref name="layers"/> (ascending, each at most <see cref="LastEncoderLayer"/>)
    /// and returns the activation after each of them. As in the reference, a norm layer's output is taken before the
    /// ReLU that follows it runs in place, so it reads as rectified.
    /// </summary>
    public IReadOnlyList<Tensor> Encode(Tensor input, IReadOnlyList<int> layers)
    {
        _statistics?.BeginPass();
        var features = new List<Tensor>(layers.Count);
        var current = input;
        var index = 0;
        foreach (var (_, layer) in model.named_children())
        {
            if (index > layers[^1])
            {
                break;
            }
            current = ((Module<Tensor, Tensor>)layer).forward(current);
            if (layers.Contains(index))
            {
                features.Add(current);
            }
            index++;
        }
        return features;
    }

    public override Tensor forward(Tensor input)
    {
        _statistics?.BeginPass();
        if (!is_grad_enabled())
        {
            return ForwardReleasingActivations(input);
        }
        using var scope = NewDisposeScope();
        return Image(input, model.forward(input)).MoveToOuterDisposeScope();
    }

    /// <summary>The image from the last layer's output: that output itself, or the affine head's transform of the input.</summary>
    private Tensor Image(Tensor input, Tensor last) => Architecture.Head == GeneratorHead.Affine ? AffineHead.Apply(input, last) : last;

    /// <summary>
    /// Inference: runs the layers one by one and frees each activation as soon as the next exists. A dispose scope
    /// around the whole pass would keep every activation alive until the end (about 2.7 KB per pixel at ngf 64,
    /// 0.7 GB for a 512 px tile); this way a pass holds two neighbouring activations at a time.
    /// </summary>
    private Tensor ForwardReleasingActivations(Tensor input)
    {
        var current = input;
        foreach (var (_, layer) in model.named_children())
        {
            var next = ((Module<Tensor, Tensor>)layer).forward(current);
            if (!ReferenceEquals(current, input) && !ReferenceEquals(current, next))
            {
                current.Dispose();
            }
            current = next;
        }
        if (Architecture.Head == GeneratorHead.Direct)
        {
            return current;
        }
        using (current)
        {
            return AffineHead.Apply(input, current);
        }
    }
}
