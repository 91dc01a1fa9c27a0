using Silk.NET.Vulkan;
using StyleForge.Viewer.Views;

namespace StyleForge.Viewer.Vulkan;

/// <summary>
/// The one graphics pipeline the viewer draws with: a full-viewport triangle and the view
/// fragment shader, two textures in set 0 and the view parameters as push constants.
/// </summary>
internal sealed unsafe class ViewPipeline : IDisposable
{
    private readonly VulkanDevice _device;

    public ViewPipeline(VulkanDevice device, ColorRenderPass pass)
    {
        _device = device;
        SetLayout = CreateSetLayout(device);
        Layout = CreateLayout(device, SetLayout);
        Handle = CreatePipeline(device, pass, Layout);
    }

    public DescriptorSetLayout SetLayout { get; }

    public PipelineLayout Layout { get; }

    public Pipeline Handle { get; }

    public void Dispose()
    {
        var vk = _device.Vk;
        vk.DestroyPipeline(_device.Handle, Handle, null);
        vk.DestroyPipelineLayout(_device.Handle, Layout, null);
        vk.DestroyDescriptorSetLayout(_device.Handle, SetLayout, null);
    }

    private static DescriptorSetLayout CreateSetLayout(VulkanDevice device)
    {
        var bindings = stackalloc DescriptorSetLayoutBinding[2];
        for (uint i = 0; i < 2; i++)
        {
            bindings[i] = new DescriptorSetLayoutBinding
            {
                Binding = i,
                DescriptorType = DescriptorType.CombinedImageSampler,
                DescriptorCount = 1,
                StageFlags = ShaderStageFlags.FragmentBit,
            };
        }
        var info = new DescriptorSetLayoutCreateInfo
        {
            SType = StructureType.DescriptorSetLayoutCreateInfo,
            BindingCount = 2,
            PBindings = bindings,
        };
        DescriptorSetLayout layout;
        VulkanCall.Check(device.Vk.CreateDescriptorSetLayout(device.Handle, &info, null, &layout), "vkCreateDescriptorSetLayout");
        return layout;
    }

    private static PipelineLayout CreateLayout(VulkanDevice device, DescriptorSetLayout setLayout)
    {
        var range = new PushConstantRange(ShaderStageFlags.FragmentBit, 0, (uint)sizeof(ViewConstants));
        var info = new PipelineLayoutCreateInfo
        {
            SType = StructureType.PipelineLayoutCreateInfo,
            SetLayoutCount = 1,
            PSetLayouts = &setLayout,
            PushConstantRangeCount = 1,
            PPushConstantRanges = &range,
        };
        PipelineLayout layout;
        VulkanCall.Check(device.Vk.CreatePipelineLayout(device.Handle, &info, null, &layout), "vkCreatePipelineLayout");
        return layout;
    }

    private static Pipeline CreatePipeline(VulkanDevice device, ColorRenderPass pass, PipelineLayout layout)
    {
        var vk = device.Vk;
        var vertex = CreateModule(device, "view.vert.spv");
        var fragment = CreateModule(device, "view.frag.spv");
        try
        {
            fixed (byte* entry = "main"u8)
            {
                var stages = stackalloc PipelineShaderStageCreateInfo[2];
                stages[0] = new PipelineShaderStageCreateInfo
                {
                    SType = StructureType.PipelineShaderStageCreateInfo,
                    Stage = ShaderStageFlags.VertexBit,
                    Module = vertex,
                    PName = entry,
                };
                stages[1] = new PipelineShaderStageCreateInfo
                {
                    SType = StructureType.PipelineShaderStageCreateInfo,
                    Stage = ShaderStageFlags.FragmentBit,
                    Module = fragment,
                    PName = entry,
                };
                var vertexInput = new PipelineVertexInputStateCreateInfo { SType = StructureType.PipelineVertexInputStateCreateInfo };
                var assembly = new PipelineInputAssemblyStateCreateInfo
                {
                    SType = StructureType.PipelineInputAssemblyStateCreateInfo,
                    Topology = PrimitiveTopology.TriangleList,
                };
                var viewport = new PipelineViewportStateCreateInfo
                {
                    SType = StructureType.PipelineViewportStateCreateInfo,
                    ViewportCount = 1,
                    ScissorCount = 1,
                };
                var raster = new PipelineRasterizationStateCreateInfo
                {
                    SType = StructureType.PipelineRasterizationStateCreateInfo,
                    PolygonMode = PolygonMode.Fill,
                    CullMode = CullModeFlags.None,
                    FrontFace = FrontFace.CounterClockwise,
                    LineWidth = 1,
                };
                var multisample = new PipelineMultisampleStateCreateInfo
                {
                    SType = StructureType.PipelineMultisampleStateCreateInfo,
                    RasterizationSamples = SampleCountFlags.Count1Bit,
                };
                var blendAttachment = new PipelineColorBlendAttachmentState
                {
                    ColorWriteMask = ColorComponentFlags.RBit | ColorComponentFlags.GBit | ColorComponentFlags.BBit | ColorComponentFlags.ABit,
                };
                var blend = new PipelineColorBlendStateCreateInfo
                {
                    SType = StructureType.PipelineColorBlendStateCreateInfo,
                    AttachmentCount = 1,
                    PAttachments = &blendAttachment,
                };
                // Viewport and scissor change per sheet cell and per window size, so they are dynamic.
                var dynamicStates = stackalloc DynamicState[] { DynamicState.Viewport, DynamicState.Scissor };
                var dynamic = new PipelineDynamicStateCreateInfo
                {
                    SType = StructureType.PipelineDynamicStateCreateInfo,
                    DynamicStateCount = 2,
                    PDynamicStates = dynamicStates,
                };
                var info = new GraphicsPipelineCreateInfo
                {
                    SType = StructureType.GraphicsPipelineCreateInfo,
                    StageCount = 2,
                    PStages = stages,
                    PVertexInputState = &vertexInput,
                    PInputAssemblyState = &assembly,
                    PViewportState = &viewport,
                    PRasterizationState = &raster,
                    PMultisampleState = &multisample,
                    PColorBlendState = &blend,
                    PDynamicState = &dynamic,
                    Layout = layout,
                    RenderPass = pass.Handle,
                    Subpass = 0,
                };
                Pipeline pipeline;
                VulkanCall.Check(vk.CreateGraphicsPipelines(device.Handle, default, 1, &info, null, &pipeline), "vkCreateGraphicsPipelines");
                return pipeline;
            }
        }
        finally
        {
            // Modules are only needed while the pipeline is built.
            vk.DestroyShaderModule(device.Handle, fragment, null);
            vk.DestroyShaderModule(device.Handle, vertex, null);
        }
    }

    private static ShaderModule CreateModule(VulkanDevice device, string fileName)
    {
        var code = ShaderCode.Load(fileName);
        fixed (byte* p = code)
        {
            var info = new ShaderModuleCreateInfo
            {
                SType = StructureType.ShaderModuleCreateInfo,
                CodeSize = (nuint)code.Length,
                PCode = (uint*)p,
            };
            ShaderModule module;
            VulkanCall.Check(device.Vk.CreateShaderModule(device.Handle, &info, null, &module), "vkCreateShaderModule");
            return module;
        }
    }
}
