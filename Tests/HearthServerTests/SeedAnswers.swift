import HearthBrain

/// What seeds 000 and 001 show for their neurotransmitter exchange: the
/// answers both the in-process routes and a live `hearth run` must give.
enum SeedAnswers {
    /// `{"order": "ask me a question"}`.
    static let neurotransmitterQuestion: Value = [
        "matched_synapses": [[
            "matched_order": "ask me a question",
            "neuron_module_list": [["generated_message": "do you like french fries?", "neuron_name": "Say"]],
            "synapse_name": "synapse1",
        ]],
        "status": "waiting_for_answer",
        "user_order": "ask me a question",
    ]

    /// `{"order": "not at all"}` right after.
    static let neurotransmitterAnswer: Value = [
        "matched_synapses": [
            [
                "matched_order": "ask me a question",
                "neuron_module_list": [
                    ["generated_message": "do you like french fries?", "neuron_name": "Say"],
                    ["generated_message": nil, "neuron_name": "Neurotransmitter"],
                ],
                "synapse_name": "synapse1",
            ],
            [
                "matched_order": "not at all",
                "neuron_module_list": [["generated_message": "You don't like french fries.", "neuron_name": "Say"]],
                "synapse_name": "synapse3",
            ],
        ],
        "status": "complete",
        "user_order": nil,
    ]
}
