"""Step 3: how much data (training) or how it will be used (inference)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QWidget

from app.core import assumptions as A
from app.core.precision import WEIGHT_BITS
from app.present.text.assumptions import field_help, source_sentence
from app.present.text.format import fmt_count
from app.ui.wizard.common import BoundPage, Collapsible, explanation, scrolling_layout
from app.ui.wizard.data_count import DataCounter

PRECISIONS = ("bf16", "fp8", "fp16", "fp32")
QUANTS = ("bf16", "fp8", "int8", "int4", "q8_0", "q6_k", "q5_k_m", "q4_k_m", "q3_k_m", "q2_k")


class DataPage(BoundPage):
    keys = ("tokens", "samples", "seq_len", "epochs", "method", "lora_rank", "precision", "precision_choices", "quant",
            "context", "concurrency", "output_tokens", "stack", "engine", "prompt_tokens", "min_tokens_per_s",
            "max_ttft_s", "availability")

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.setTitle(self.tr("How much data?"))
        # --- training ---
        self.train_box = QGroupBox(self.tr("Training data"))
        tf = QFormLayout(self.train_box)
        self.tokens = self.line("tokens", self.tr("Tokens"), self.tr("default: see below"),
                                self.tr("Words the model reads, in tokens (about 1 token per Japanese character, "
                                        "0.75 English words). Accepts 100B, 1.4T."))
        tf.addRow(self.tr("T&okens"), self.tokens)
        self.default_note = explanation("")
        tf.addRow(self.default_note)
        self.counter = DataCounter(session)
        tf.addRow(self.counter)
        self.seq_len = self.spin("seq_len", self.tr("Sequence length (tokens)"), 16, 1_000_000,
                                 self.tr("Tokens per training sequence (per sample when fine-tuning)."), 256)
        tf.addRow(self.tr("Se&quence length (tokens)"), self.seq_len)
        self.stack = self.combo("stack", self.tr("Training stack"), [
            (self.tr("Hugging Face Trainer / PEFT"), "hf"),
            (self.tr("Megatron-LM"), "megatron"),
            (self.tr("DeepSpeed ZeRO"), "deepspeed"),
            (self.tr("PyTorch FSDP (torchtitan)"), "fsdp"),
            (self.tr("torchtune"), "torchtune")],
            self.tr("The framework decides how much memory each parameter costs (8 to 20 bytes) and what can be "
                    "split over GPUs; the plan offloads to host RAM only when nothing fits otherwise.")
            + "\n" + source_sentence("bytes_per_param_accounting"))
        # --- fine-tuning ---
        self.ft_box = QGroupBox(self.tr("Fine-tuning"))
        ff = QFormLayout(self.ft_box)
        self.method = self.combo("method", self.tr("Method"), [
            (self.tr("LoRA (small adapters, one or few GPUs)"), "lora"),
            (self.tr("QLoRA (LoRA on a 4-bit model: least memory)"), "qlora"),
            (self.tr("Full fine-tuning (all weights: most memory)"), "full")],
            self.tr("LoRA trains small adapter matrices; QLoRA also stores the base model in 4 bits (Dettmers et al. 2023)."))
        ff.addRow(self.tr("&Method"), self.method)
        self.samples = self.line("samples", self.tr("Samples"), "10000", self.tr("Training examples (prompt + answer pairs)."))
        ff.addRow(self.tr("&Samples"), self.samples)
        self.epochs = self.dspin("epochs", self.tr("Epochs"), 0.1, 100, 1, 0.5, self.tr("Passes over the data."))
        ff.addRow(self.tr("&Epochs"), self.epochs)
        self.lora_rank = self.spin("lora_rank", self.tr("LoRA rank"), 1, 4096, self.tr("Adapter rank r (16 is common)."))
        ff.addRow(self.tr("LoRA &rank"), self.lora_rank)
        # --- precision ---
        self.prec_box = QGroupBox(self.tr("Number formats to compare"))
        pl = QHBoxLayout(self.prec_box)
        self.prec_checks: dict[str, QCheckBox] = {}
        tips = {"bf16": self.tr("BF16 mixed precision: the standard."),
                "fp8": self.tr("FP8 (H100/H200/B200/MI300X): faster, ~{0:.0%} of the doubled peak in practice.").format(A.value("util_fp8_te")),
                "fp16": self.tr("FP16 with loss scaling (V100 era)."), "fp32": self.tr("FP32/TF32: slow, rarely needed.")}
        for p in PRECISIONS:
            cb = QCheckBox(p.upper())
            cb.setToolTip(tips[p])
            cb.toggled.connect(self._on_precisions)
            self.prec_checks[p] = cb
            pl.addWidget(cb)
        pl.addStretch(1)
        self.widgets["precision_choices"] = self.prec_box
        self.prec_box.setAccessibleName(self.tr("Number formats"))
        # --- inference ---
        self.inf_box = QGroupBox(self.tr("Serving"))
        inf = QFormLayout(self.inf_box)
        self.quant = self.combo("quant", self.tr("Weight format"), [(q.upper(), q) for q in QUANTS if q in WEIGHT_BITS],
                                self.tr("Smaller formats need less memory; INT8 loses almost nothing, INT4 a few percent."))
        inf.addRow(self.tr("&Weight format"), self.quant)
        self.context = self.spin("context", self.tr("Context (tokens)"), 1, 10_000_000,
                                 self.tr("Prompt plus answer tokens kept per conversation (KV cache)."), 1024)
        inf.addRow(self.tr("&Context (tokens)"), self.context)
        self.concurrency = self.spin("concurrency", self.tr("Simultaneous users"), 1, 1_000_000,
                                     self.tr("Conversations served at the same time."))
        inf.addRow(self.tr("Simultaneous &users"), self.concurrency)
        self.output_tokens = self.spin("output_tokens", self.tr("Answer length (tokens)"), 1, 1_000_000,
                                       self.tr("Tokens generated per request."), 64)
        inf.addRow(self.tr("&Answer length (tokens)"), self.output_tokens)
        self.engine = self.combo("engine", self.tr("Serving engine"), [
            (self.tr("vLLM (uses 90% of GPU memory)"), "vllm"), (self.tr("SGLang"), "sglang"),
            (self.tr("TensorRT-LLM"), "trtllm"), (self.tr("TGI (Hugging Face, maintenance mode)"), "tgi"),
            (self.tr("llama.cpp (can run layers on the CPU)"), "llama.cpp")],
            self.tr("Engines reserve part of the GPU for themselves; llama.cpp can keep layers that do not fit in system RAM, much slower.")
            + "\n" + field_help("engine"))
        self.sla_box = self._service_box()
        # the software that runs the job: defaults suit most plans, so they sit in a closed section
        adv = QWidget()
        self.advanced_form = QFormLayout(adv)
        self.advanced_form.addRow(self.tr("Trainin&g stack"), self.stack)
        self.advanced_form.addRow(self.tr("Serving &engine"), self.engine)
        self.advanced = Collapsible(self.tr("Advanced: software that runs the job"), adv)

        lay = scrolling_layout(self)
        for w in (self.train_box, self.ft_box, self.prec_box, self.inf_box, self.sla_box, self.advanced):
            lay.addWidget(w)
        lay.addStretch(1)
        lay.addWidget(self.error_label)
        self.load()

    def _service_box(self) -> QGroupBox:
        """The service level (inference): the planner sizes replicas to meet it."""
        box = QGroupBox(self.tr("Service level (optional)"))
        sla = QFormLayout(box)
        self.prompt_tokens = self.line("prompt_tokens", self.tr("Prompt length (tokens)"), self.tr("default: the context less the answer"),
                                       self.tr("Tokens sent with each request (question, history, documents). The KV cache "
                                               "of vLLM, SGLang, TensorRT-LLM and TGI holds prompt + answer per user."))
        sla.addRow(self.tr("&Prompt length (tokens)"), self.prompt_tokens)
        self.min_tps = self.line("min_tokens_per_s", self.tr("Answer speed per user (tokens/s)"), self.tr("no target"),
                                 self.tr("The slowest answer each user may see, in tokens per second (people read about "
                                         "5-10 tokens/s). The plan adds replicas until it holds."))
        sla.addRow(self.tr("Answer speed per user, at &least (tokens/s)"), self.min_tps)
        self.max_ttft = self.line("max_ttft_s", self.tr("First token within (s)"), self.tr("no target"),
                                  self.tr("The longest a user may wait for the first token, in seconds: prefill of the prompt "
                                          "plus the wait behind other prompts."))
        sla.addRow(self.tr("First token w&ithin (s)"), self.max_ttft)
        self.availability = self.combo("availability", self.tr("Spare replica (N+1)"), [
            (self.tr("No spare"), "none"), (self.tr("One spare replica: targets met with one down (N+1)"), "n+1")],
            self.tr("N+1 keeps one replica more than the load needs, so a failed server does not break the service level."))
        sla.addRow(self.tr("Spare replica (N+&1)"), self.availability)
        return box

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.load()

    def load(self) -> None:
        super().load()
        d = self.session.draft
        goal = d.get("goal")
        training = goal != "inference"
        self.setTitle(self.tr("How much data?") if training else self.tr("How will it be used?"))
        self.train_box.setVisible(training)
        self.prec_box.setVisible(training)
        self.ft_box.setVisible(goal == "finetune")
        self.inf_box.setVisible(not training)
        self.sla_box.setVisible(not training)
        self.advanced_form.setRowVisible(self.stack, training)
        self.advanced_form.setRowVisible(self.engine, not training)
        if d.get("stack" if training else "engine") is not None:
            self.advanced.set_expanded(True)  # the plan chose one: show it
        self.lora_rank.setEnabled(self.shown_value("method") in ("lora", "qlora"))
        chosen = d.get("precision_choices") or [d.get("precision") or self.session.default("precision")]
        for p, cb in self.prec_checks.items():
            with QSignalBlocker(cb):
                cb.setChecked(p in chosen)
        self.default_note.setText(self._default_text(goal))
        s = self.session.scenario
        if d.get("context") is None and s is not None and not s.is_training:
            with QSignalBlocker(self.context):  # the context the plan uses: prompt + answer when the prompt is given
                self.context.setValue(s.inference_context)
        if d.get("quant") is None and s is not None and getattr(s, "quant", None) and self.quant.findData(s.quant) >= 0:
            with QSignalBlocker(self.quant):  # a GGUF model file is served in its own format
                self.quant.setCurrentIndex(self.quant.findData(s.quant))

    def _default_text(self, goal: str) -> str:
        s = self.session.scenario
        n = s.model.params_total if s else None
        per_param = A.value("chinchilla_tokens_per_param")
        if goal == "scratch":
            return self.tr("Empty = Chinchilla's compute-optimal {0:g} tokens per parameter{1}. Source: {2}").format(
                per_param, self.tr(" ({0} tokens for this model)").format(fmt_count(per_param * n)) if n else "",
                source_sentence("chinchilla_tokens_per_param"))
        if goal == "cpt":
            frac = A.value("cpt_fraction")
            return self.tr("Empty = {0:.0%} of the from-scratch tokens{1}. Source: {2}").format(
                frac, self.tr(" ({0} tokens for this model)").format(fmt_count(frac * per_param * n)) if n else "",
                source_sentence("cpt_fraction"))
        if goal == "finetune":
            return self.tr("Empty = samples × tokens per sample × epochs (below).")
        return ""

    def _on_precisions(self) -> None:
        chosen = [p for p in PRECISIONS if self.prec_checks[p].isChecked()]
        if not chosen:  # at least one: put the default back
            first = str(self.session.default("precision"))
            with QSignalBlocker(self.prec_checks[first]):
                self.prec_checks[first].setChecked(True)
            chosen = [first]
        self.session.update(precision_choices=chosen, precision=None)


